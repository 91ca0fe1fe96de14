import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import SpoorProtocol
import SpoorWitness

/// The outbox's HTTPS doors: an institution's relay posts its outbox and reads CoMensha's
/// acknowledgements of its own deliveries; CoMensha's client, under the one certificate pinned to
/// it, reads what waits and acknowledges it. No one else passes.
struct OutboxRoutes {
    let outbox: PostgresOutbox
    /// Each relay certificate's institution, by fingerprint.
    let pinned: [String: String]
    /// CoMensha's certificate fingerprint.
    let comensha: String?
    let logger: Logger
    static let maxBody = 16 << 20

    func add(to router: Router<HubRequestContext>) {
        router.post("outbox") { request, context in
            try await answer("outbox") {
                let origin = try relay(try await context.clientFingerprint())
                let taken = try await outbox.take(try await decode(Outbox.self, request), from: origin)
                return try .json(["taken": taken])
            }
        }
        router.get("outbox/acknowledgements") { request, context in
            try await answer("outbox/acknowledgements") {
                let origin = try relay(try await context.clientFingerprint())
                let after = request.uri.queryParameters.get("after", as: Int64.self) ?? 0
                return try .json(try await outbox.acknowledgements(for: origin, after: after))
            }
        }
        router.get("comensha/outbox") { _, context in
            try await answer("comensha/outbox") {
                try requireCoMensha(try await context.clientFingerprint())
                return try .json(try await outbox.pending())
            }
        }
        router.post("comensha/acknowledgements") { request, context in
            try await answer("comensha/acknowledgements") {
                try requireCoMensha(try await context.clientFingerprint())
                return try .json(["new": try await outbox.acknowledge(try await decode(CoMenshaAcknowledgements.self, request))])
            }
        }
    }

    private func relay(_ fingerprint: String) throws -> String {
        guard let origin = pinned[fingerprint] else { throw WitnessRefusal(403, "\(fingerprint) is pinned to no institution") }
        return origin
    }

    private func requireCoMensha(_ fingerprint: String) throws {
        guard let comensha, fingerprint == comensha else { throw WitnessRefusal(403, "\(fingerprint) is not CoMensha's certificate") }
    }

    private func decode<T: Decodable>(_: T.Type, _ request: Request) async throws -> T {
        let body = try await request.body.collect(upTo: Self.maxBody)
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: body)) } catch { throw WitnessRefusal(400, "not a \(T.self): \(error)") }
    }

    /// The route's answer: a refusal with its status, PostgreSQL unavailable as 503 with Retry-After.
    private func answer(_ route: String, _ body: () async throws -> WitnessResponse) async throws -> Response {
        let answer: WitnessResponse
        do {
            answer = try await body()
        } catch {
            let cause = (error as? PostgresTransactionError)?.closureError ?? error
            if let refusal = cause as? WitnessRefusal {
                answer = WitnessResponse(status: refusal.status, body: refusal.reason + "\n")
            } else {
                answer = WitnessResponse(status: 503, body: "the hub cannot keep its outbox now: \(cause)\n")
            }
            logger.warning("\(route): \(answer.status) \(answer.body)")
        }
        return HubServer.response(answer)
    }
}
