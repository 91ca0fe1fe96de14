/// What an acknowledged append did; returned only after its commit is durable.
public struct AppendResult: Sendable, Equatable {
    /// The log positions of the append's events, in order.
    public let positions: [UInt64]
    /// The stream's version after the append: its last event's version.
    public let streamVersion: UInt64
    /// `true` when every event was stored already by an earlier identical append: nothing was written.
    public let wasRetry: Bool
}
