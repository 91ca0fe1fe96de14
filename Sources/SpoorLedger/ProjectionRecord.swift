/// One entry of the caller's inline projection: written in the same transaction as the events it
/// was folded from, so the projection is never behind or ahead of the log.
public struct ProjectionRecord: Sendable, Equatable {
    public let key: [UInt8]
    public let value: [UInt8]
    /// Whether the record removes `key` rather than putting `value` under it.
    public let deletes: Bool

    public init(key: [UInt8], value: [UInt8]) {
        self.key = key
        self.value = value
        self.deletes = false
    }

    private init(deleting key: [UInt8]) {
        (self.key, self.value, self.deletes) = (key, [], true)
    }

    /// A record that removes `key`, in the same transaction as the events it follows from.
    public static func deletion(of key: [UInt8]) -> ProjectionRecord { ProjectionRecord(deleting: key) }
}

/// Folds one append into projection records, inside the append's transaction, once the events'
/// positions and time are fixed. Whatever it throws fails that append alone.
public typealias InlineProjector = @Sendable (_ positions: [UInt64], _ recordedAt: Int64) throws -> [ProjectionRecord]
