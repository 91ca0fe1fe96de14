import Foundation
import SpoorProof

/// The witness of c2sp.org/tlog-witness (the revision the README pins): `add-checkpoint` judged
/// and answered exactly as the spec says, whatever carries it (the hub's HTTPS, a test). A log is
/// known by its origin and its public key; each client certificate may speak for one origin.
public struct Witness: Sendable {
    public let cosigner: Cosigner
    /// The logs this witness follows, by origin: the institutions' verifier keys.
    public let logs: [String: CheckpointVerifier]
    public let store: any WitnessStore
    /// The clock, POSIX seconds: a cosignature's time.
    public let now: @Sendable () -> UInt64

    public init(
        cosigner: Cosigner, logs: [CheckpointVerifier], store: any WitnessStore,
        now: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
    ) {
        self.cosigner = cosigner
        self.logs = Dictionary(logs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        (self.store, self.now) = (store, now)
    }

    /// Answers a `POST add-checkpoint` with `body`. `client`: the origin the request's client
    /// certificate is pinned to, when the transport authenticates one; a checkpoint of another
    /// origin is refused (403) as evidence. Every refusal of a known log is kept as evidence.
    public func addCheckpoint(_ body: String, client: String? = nil) async -> WitnessResponse {
        do {
            return try await cosign(body, client: client)
        } catch let refusal as WitnessRefusal {
            if refusal.origin != nil {
                try? await store.keep(Evidence(origin: refusal.origin, status: refusal.status, reason: refusal.reason, request: body, client: client))
            }
            return refusal.response
        } catch {
            return WitnessResponse(status: 503, body: "the witness cannot keep its record now: \(error)\n")
        }
    }

    private func cosign(_ body: String, client: String?) async throws -> WitnessResponse {
        let request: ConsistencyProofFile
        do { request = try ConsistencyProofFile(parsing: body) } catch { throw WitnessRefusal(400, "\(error)") }
        let origin = String(request.checkpoint.prefix { $0 != "\n" })
        guard let verifier = logs[origin] else { throw WitnessRefusal(404, "this witness follows no log \(origin)") }
        if let client, client != origin {
            throw WitnessRefusal(403, "a client certified for \(client) submitted a checkpoint of \(origin)", origin: origin)
        }
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint(note: request.checkpoint, verifiedBy: verifier) } catch {
            if case .malformed = error { throw WitnessRefusal(400, "\(error)") }
            throw WitnessRefusal(403, "\(error)", origin: origin)
        }
        let new = checkpoint.head
        guard request.oldSize <= new.size else {
            throw WitnessRefusal(400, "old size \(request.oldSize) exceeds the checkpoint's \(new.size)", origin: origin)
        }
        let proof = request.proof
        try await store.advance(origin: origin) { latest throws(WitnessRefusal) in
            let cosigned = latest?.size ?? 0
            guard request.oldSize == cosigned else { throw .conflict(cosigned, origin: origin) }
            if request.oldSize == new.size {
                guard latest.map({ $0.root == new.root }) ?? true else {
                    throw WitnessRefusal(409, "a checkpoint of \(new.size) events with another root than the one cosigned: a fork", origin: origin)
                }
            } else if let latest,
                !MerkleVerifier.verifyConsistency(
                    oldSize: latest.size, newSize: new.size, oldRoot: latest.root,
                    newRoot: new.root, proof: proof)
            {
                throw WitnessRefusal(422, "the log of \(new.size) events does not extend the \(latest.size) cosigned", origin: origin)
            }
            return new
        }
        return WitnessResponse(status: 200, body: try cosigner.cosign(body: Checkpoint.body(ofNote: request.checkpoint)!, at: now()))
    }
}

/// The witness's answer: an HTTP status, its body, and the body's type.
public struct WitnessResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: String) {
        (self.status, self.contentType, self.body) = (status, contentType, body)
    }
}

/// Why a witness refuses a request, with the status the spec gives it.
public struct WitnessRefusal: Error, Sendable, Equatable {
    public var status: Int
    public var reason: String
    /// The known log it concerns; `nil` when the request names none this witness follows.
    public var origin: String?
    /// For a 409 on the old size: the size of the latest cosigned checkpoint.
    public var cosignedSize: UInt64?

    public init(_ status: Int, _ reason: String, origin: String? = nil) { (self.status, self.reason, self.origin) = (status, reason, origin) }

    static func conflict(_ cosigned: UInt64, origin: String) -> WitnessRefusal {
        var refusal = WitnessRefusal(409, "the old size is not \(cosigned), the size of the latest checkpoint cosigned", origin: origin)
        refusal.cosignedSize = cosigned
        return refusal
    }

    /// The answer: a 409 on the old size carries that size as `text/x.tlog.size`, as the spec says.
    var response: WitnessResponse {
        if let cosignedSize { return WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: "\(cosignedSize)\n") }
        return WitnessResponse(status: status, body: reason + "\n")
    }
}
