/// One entry of the caller's inline projection: written in the same transaction as the events it
/// was folded from, so the projection is never behind or ahead of the log.
public struct ProjectionRecord: Sendable, Equatable {
    public let key: [UInt8]
    public let value: [UInt8]

    public init(key: [UInt8], value: [UInt8]) {
        self.key = key
        self.value = value
    }
}

/// Folds one append into projection records, inside the append's transaction, once the events'
/// positions and time are fixed. Whatever it throws fails that append alone.
public typealias InlineProjector = @Sendable (_ positions: [UInt64], _ recordedAt: Int64) throws -> [ProjectionRecord]

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
