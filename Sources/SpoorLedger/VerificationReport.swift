import SpoorProof

/// The outcome of ``Ledger/verify(chunkSize:)``: how far the log checks out, and where it first does not.
public struct VerificationReport: Sendable, Equatable, CustomStringConvertible {
    /// The number of events that checked out before the first problem (all of them when intact).
    public let eventsVerified: UInt64
    /// The hash of the last event that checked out.
    public let lastGoodHash: ChainHash
    /// The first damaged position and what is wrong there, or `nil` when the log is intact.
    public let firstProblem: Problem?

    public var isIntact: Bool { firstProblem == nil }

    public struct Problem: Sendable, Equatable {
        public let position: UInt64
        public let reason: String
    }

    public var description: String {
        if let problem = firstProblem {
            return "damaged at position \(problem.position): \(problem.reason) (\(eventsVerified) events before it check out)"
        }
        return "intact: \(eventsVerified) events, last hash \(lastGoodHash)"
    }
}
