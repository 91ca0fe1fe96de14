/// A type whose JSON form is one of a fixed set of strings (a role, a nature, a gender): a string
/// outside the set is refused with ``JSONValueDecoder/UnknownValue``, which names the set, rather
/// than with Swift's "Cannot initialize … from invalid String value".
public protocol NamedValues: JSONString {
    static var names: [String] { get }
}

extension NamedValues where Self: CaseIterable & RawRepresentable, RawValue == String {
    /// The raw values of every case, in their declared order.
    public static var names: [String] { allCases.map(\.rawValue) }
}

extension JSONValueDecoder {
    /// A value that is not one of its type's names.
    public struct UnknownValue: Error, Equatable, CustomStringConvertible {
        /// The value's path, dotted: `youth.gender`.
        public let path: String
        /// The value given, which is not one of the names.
        public let value: String
        /// The names the type has.
        public let names: [String]

        /// The error in words: the path, the value and the names it could have been.
        public var description: String { "unknown value '\(value)' at \(path); the values are: \(names.joined(separator: ", "))" }
    }
}
