/// A projection value kept in parts: the value under a key, and the records whose keys are that
/// key followed by a zero byte, read in one snapshot so that they agree. The caller writes the
/// parts that changed beside the value; none is ever removed but by a rebuild.
public struct PartedValue: Sendable, Equatable {
    public let value: [UInt8]
    public let parts: [ProjectionRecord]

    public init(value: [UInt8], parts: [ProjectionRecord]) {
        self.value = value
        self.parts = parts
    }

    /// The prefix of the keys of `key`'s parts.
    public static func partPrefix(of key: [UInt8]) -> [UInt8] { key + [0] }
}
