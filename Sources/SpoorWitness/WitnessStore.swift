import Synchronization
import SpoorProof

/// What a witness remembers of each log: the latest checkpoint it cosigned, and the evidence of
/// requests it refused. c2sp.org/tlog-witness: checking the old size against the latest
/// checkpoint and persisting the new one must be one atomic step, or a slower request for a
/// smaller size could roll the record back; `advance` is that step. The hub keeps it in
/// PostgreSQL; `MemoryWitnessStore` keeps it for tests and a single process.
public protocol WitnessStore: Sendable {
    /// Reads the latest cosigned head of `origin` (`nil`: none yet), lets `decide` judge the
    /// request against it, and stores the head `decide` returns, durably, before returning; all
    /// as one step with respect to every other `advance` of the same origin.
    func advance(origin: String, _ decide: @escaping @Sendable (TreeHead?) throws(WitnessRefusal) -> TreeHead) async throws
    /// Keeps the evidence of a refused request: it may prove a log's misbehaviour.
    func keep(_ evidence: Evidence) async throws
    /// The root of the checkpoint of `size` events of `origin` that this witness cosigned, if it
    /// cosigned one: what a registration record's inclusion proof is checked against.
    func cosignedRoot(of origin: String, size: UInt64) async throws -> ChainHash?
}

/// A refused request, as it is kept: which log, the status answered, why, and the request itself.
public struct Evidence: Sendable, Equatable {
    public var origin: String?
    public var status: Int
    public var reason: String
    public var request: String
    /// Who sent it, as its client certificate names it, when the transport knows.
    public var client: String?

    public init(origin: String?, status: Int, reason: String, request: String, client: String?) {
        (self.origin, self.status, self.reason, self.request, self.client) = (origin, status, reason, request, client)
    }
}

/// A witness's state in memory, behind one lock per store.
public final class MemoryWitnessStore: WitnessStore {
    private let state = Mutex<(heads: [String: TreeHead], evidence: [Evidence], cosigned: [String: [UInt64: ChainHash]])>(([:], [], [:]))

    public init() {}

    public func advance(origin: String, _ decide: @escaping @Sendable (TreeHead?) throws(WitnessRefusal) -> TreeHead) async throws {
        try state.withLock { state throws(WitnessRefusal) in
            let head = try decide(state.heads[origin])
            state.heads[origin] = head
            state.cosigned[origin, default: [:]][head.size] = head.root
        }
    }

    public func cosignedRoot(of origin: String, size: UInt64) async throws -> ChainHash? { state.withLock { $0.cosigned[origin]?[size] } }

    public func keep(_ evidence: Evidence) async throws { state.withLock { $0.evidence.append(evidence) } }

    public var evidence: [Evidence] { state.withLock { $0.evidence } }
    public func head(of origin: String) -> TreeHead? { state.withLock { $0.heads[origin] } }
}
