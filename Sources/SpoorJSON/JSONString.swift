/// A type whose JSON form is one string (an enumeration's name, a day), which the decoder and the
/// encoder read and write straight, without a container, its coding path and its box (with the
/// encoder's primitives, an event encoded a fifth faster: BENCHMARKS.md, session 21).
public protocol JSONString: Codable {
    /// The value `string` names; `nil` when it names none, and the type's own `init(from:)` then
    /// says why.
    init?(jsonString string: String)
    /// The string the value is written as, as its `encode(to:)` writes it.
    var jsonString: String { get }
}

extension JSONString where Self: RawRepresentable, RawValue == String {
    /// The case whose raw value is `string`.
    public init?(jsonString string: String) { self.init(rawValue: string) }
    /// The case's raw value.
    public var jsonString: String { rawValue }
}
