import Foundation
import Logging
import SpoorHubClient
import SpoorProof
import SpoorProtocol

/// The relay's record duty: every registration's analytic record in the log up to the checkpoint
/// the hub cosigned last, with the commitment its event's hash makes to the rest of the event and
/// its inclusion proof against that checkpoint, posted to the hub's `registration-records`. The
/// relay reads the log's public parts only (the daemon seals the rest in what it shows), keeps a
/// cursor of the last position it shipped through, and a retry is harmless at the hub.
struct RecordShipping {
    let socket: String
    let hub: HubClient
    let cursor: Cursor
    let logger: Logger
    /// Events read from the daemon per request.
    static let page = 1_000

    enum Outcome: Equatable {
        /// Shipped through this position: so many records.
        case shipped(through: UInt64, records: Int)
        case wait(Int?)
    }

    /// Ships what lies between the cursor and the checkpoint of `cosignedSize` events.
    func round(cosignedSize: UInt64) async throws -> Outcome {
        let client = try SocketClient(socketPath: socket)
        var shipped = 0
        var from = (cursor.position ?? 0) + 1
        while from <= cosignedSize {
            let limit = Int(min(UInt64(Self.page), cosignedSize - from + 1))
            var events: [EventRecord] = []
            _ = try client.call(.eventsTail, JSONValue(encoding: TailParams(from: from, limit: limit)), lines: EventRecord.self, as: TailEnd.self) {
                events.append($0)
            }
            guard let last = events.last?.position else { break }
            let entries = try events.filter { $0.record != nil }.map { try entry(for: $0.position, treeSize: cosignedSize, client: client) }
            if !entries.isEmpty {
                let response = try await post(RecordSubmission(records: entries))
                switch response.status {
                case 200: shipped += entries.count
                case _ where response.asksToWait: return .wait(response.retryAfter)
                default: throw RelayError("the hub refused the records of positions \(from) to \(last): \(response.status) \(response.body)")
                }
            }
            try cursor.save(last)
            from = last + 1
        }
        if shipped > 0 { logger.info("\(shipped) registration records shipped through position \(from - 1)") }
        return .shipped(through: from - 1, records: shipped)
    }

    /// The submission entry of the event at `position`: its record, the commitment recomputed from
    /// the fields the daemon showed (so that a shown event that does not give its hash is caught
    /// here, not at the hub), and its inclusion proof.
    private func entry(for position: UInt64, treeSize: UInt64, client: SocketClient) throws -> RecordSubmission.Entry {
        let proof = try client.call(.auditProve, JSONValue(encoding: ProveParams(position: position, treeSize: treeSize)), as: ProveReply.self)
        let entry: RecordSubmission.Entry?
        do { entry = try RecordSubmission.Entry(proving: proof) } catch { throw RelayError("the daemon showed event \(position) \(error)") }
        guard let entry else { throw RelayError("event \(position) has no public record") }
        return entry
    }

    private func post(_ submission: RecordSubmission) async throws -> HubResponse {
        try await hub.post("registration-records", Array(try JSONEncoder().encode(submission)))
    }
}
