import Foundation
import Logging
import SpoorHubClient
import SpoorProof
import SpoorProtocol

/// One round of the relay's checkpoint duty: the daemon's current checkpoint, with the proof that
/// it extends the last one the hub cosigned, posted to the hub's witness as the body of a
/// c2sp.org/tlog-witness `add-checkpoint`; the cosignature handed back to the daemon, which
/// keeps it. The relay holds no plaintext: it reads checkpoints and proofs only.
struct CheckpointShipping {
    let socket: String
    let hub: HubClient
    let cursor: Cursor
    let logger: Logger

    /// What a round did.
    enum Outcome: Equatable {
        case cosigned(UInt64)
        case unchanged(UInt64)
        /// The hub is unavailable or asks to wait: try again after so many seconds, if it said.
        case wait(Int?)
    }

    func round() async throws -> Outcome {
        let client = try SocketClient(socketPath: socket)
        let checkpoint = try client.call(.auditCheckpoint, as: CheckpointReply.self)
        var old = cursor.position ?? 0
        if cursor.position == checkpoint.treeSize { return .unchanged(checkpoint.treeSize) }
        // At most twice: a 409 names the size the hub cosigned last, which a lost cursor learns from.
        for _ in 0..<2 {
            let proof = try client.call(
                .auditConsistency, JSONValue(encoding: ConsistencyParams(from: old, to: checkpoint.treeSize)), as: ConsistencyReply.self)
            let body = ConsistencyProofFile(oldSize: old, proof: proof.proof.compactMap(ChainHash.init(hex:)), checkpoint: checkpoint.checkpoint).text
            let response = try await post(body)
            switch response.status {
            case 200:
                let recorded = try client.call(
                    .auditCosigned, JSONValue(encoding: CosignedParams(checkpoint: checkpoint.checkpoint, cosignature: response.body)),
                    as: CosignedReply.self)
                try cursor.save(checkpoint.treeSize)
                logger.info("checkpoint of \(checkpoint.treeSize) events cosigned by \(recorded.recorded.joined(separator: ", "))")
                return .cosigned(checkpoint.treeSize)
            case 409 where response.contentType.hasPrefix("text/x.tlog.size"):
                guard let size = UInt64(response.body.trimmingCharacters(in: .newlines)), size <= checkpoint.treeSize else {
                    throw RelayError(
                        """
                        the hub cosigned a checkpoint of \(response.body.trimmingCharacters(in: .newlines)) events, more than the log holds: the \
                        log was rolled back, or the hub follows another
                        """
                    )
                }
                logger.notice("the hub's last cosigned checkpoint holds \(size) events; proving from there")
                old = size
            case _ where response.asksToWait:
                return .wait(response.retryAfter)
            default:
                throw RelayError("the hub refused the checkpoint of \(checkpoint.treeSize) events: \(response.status) \(response.body)")
            }
        }
        throw RelayError("the hub's record moved while the relay proved to it; trying again next round")
    }

    private func post(_ body: String) async throws -> HubResponse {
        try await hub.post("add-checkpoint", Array(body.utf8), contentType: "text/plain; charset=utf-8", timeout: .seconds(30))
    }
}

/// A position in the log, in a file: for checkpoints the size of the latest the hub cosigned and
/// the daemon recorded (what the next round proves from), for records the last position shipped.
struct Cursor {
    let path: String

    var position: UInt64? {
        FileManager.default.contents(atPath: path).flatMap {
            UInt64(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    func save(_ size: UInt64) throws {
        try AtomicFile.write(Array("\(size)\n".utf8), to: path, mode: 0o600)
    }
}
