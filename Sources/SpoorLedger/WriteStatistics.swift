/// Counters of the group-commit writer since the ledger opened.
public struct WriteStatistics: Sendable, Equatable, CustomStringConvertible {
    /// Appends processed, accepted or refused.
    public var appends: Int
    /// Durable commits: each holds one batch of appends.
    public var commits: Int

    public var description: String { "\(appends) appends in \(commits) commits" }
}

extension Ledger {
    /// How many appends the writer processed and in how many durable commits.
    public var writeStatistics: WriteStatistics { writer.statistics }
}
