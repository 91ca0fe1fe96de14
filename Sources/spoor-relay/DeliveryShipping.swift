import Foundation
import Logging
import SpoorHubClient
import SpoorProtocol

/// The relay's delivery duty: the daemon's outbox (registrations sealed to CoMensha's key, which
/// the relay cannot open, and notices of withdrawals and erasures) posted to the hub; and the
/// acknowledgements CoMensha gave the hub since the cursor handed back to the daemon, which
/// records each on its case, so that the worklist shows what was sent and not yet received.
struct DeliveryShipping {
    let socket: String
    let hub: HubClient
    let cursor: Cursor
    let logger: Logger

    enum Outcome: Equatable {
        case done(posted: Int, acknowledged: Int)
        case wait(Int?)
    }

    func round() async throws -> Outcome {
        let client = try SocketClient(socketPath: socket)
        let outbox = try client.call(.registrationOutbox, as: Outbox.self)
        if !outbox.deliveries.isEmpty || !outbox.notices.isEmpty {
            let response = try await hub.post("outbox", Array(try JSONEncoder().encode(outbox)))
            if response.asksToWait { return .wait(response.retryAfter) }
            guard response.status == 200 else { throw RelayError("the hub refused the outbox: \(response.status) \(response.body)") }
        }
        var acknowledged = 0
        while true {
            let response = try await hub.get("outbox/acknowledgements?after=\(cursor.position ?? 0)")
            if response.asksToWait { return .wait(response.retryAfter) }
            guard response.status == 200 else { throw RelayError("the hub did not give its acknowledgements: \(response.status) \(response.body)") }
            let page = try JSONDecoder().decode([Acknowledgement].self, from: Data(response.body.utf8))
            for acknowledgement in page {
                try record(acknowledgement, client: client)
                acknowledged += 1
                try cursor.save(UInt64(acknowledgement.sequence ?? 0))
            }
            if page.isEmpty { break }
        }
        if acknowledged > 0 { logger.info("\(acknowledged) acknowledgements of CoMensha handed to the daemon") }
        return .done(posted: outbox.deliveries.count + outbox.notices.count, acknowledged: acknowledged)
    }

    /// Hands one acknowledgement to the daemon. One the daemon cannot place (a delivery it does
    /// not have: another institution's, or a store restored from before it) is logged and passed,
    /// so that it does not hold up the rest.
    private func record(_ acknowledgement: Acknowledgement, client: SocketClient) throws {
        do {
            _ = try client.call(.registrationAcknowledged, JSONValue(encoding: acknowledgement), as: AcknowledgementReply.self)
        } catch ClientError.daemon(let error) where error.code == .notFound {
            logger.error("acknowledgement \(acknowledgement.sequence ?? 0) names a delivery the daemon does not have: \(error.message)")
        }
    }
}
