import Crypto
import Foundation
import Logging
import SpoorHubClient
import SpoorProtocol

/// One round at CoMensha: fetch what the hub holds, open each delivery with the key it was sealed
/// to, write it to the inbox (one file per delivery, written whole or not at all), and
/// acknowledge what was written; notices are written and acknowledged the same way. A delivery
/// that does not open stays at the hub and is logged: nothing is acknowledged that CoMensha
/// does not hold.
struct Intake {
    let hub: HubClient
    /// CoMensha's private keys' raw bytes, by key id.
    let keys: [String: Data]
    let inbox: String
    let logger: Logger

    struct Outcome: Equatable {
        var opened = 0
        var notices = 0
        var failed = 0
    }

    func round() async throws -> Outcome {
        let outbox = try JSONDecoder().decode(CoMenshaOutbox.self, from: try Self.ok(try await hub.get("comensha/outbox"), "comensha/outbox"))
        var outcome = Outcome()
        var acknowledgements: [CoMenshaAcknowledgements.Entry] = []
        for delivery in outbox.deliveries {
            do {
                let content = try open(delivery)
                try write(content, to: "\(Self.folderName(delivery.origin))/\(delivery.delivery).json")
                acknowledgements.append(.init(origin: delivery.origin, delivery: delivery.delivery, subject: .registration))
                outcome.opened += 1
            } catch {
                logger.error("delivery \(delivery.delivery) of \(delivery.origin) stays at the hub: \(error)")
                outcome.failed += 1
            }
        }
        for notice in outbox.notices {
            try write(Array(try JSONEncoder.sorted.encode(notice)), to: "notices/\(notice.delivery)-\(notice.subject.rawValue).json")
            acknowledgements.append(
                .init(origin: notice.origin, delivery: notice.delivery, subject: notice.subject == .erasure ? .erasure : .withdrawal))
            outcome.notices += 1
        }
        if !acknowledgements.isEmpty {
            let body = Array(try JSONEncoder().encode(CoMenshaAcknowledgements(acknowledgements: acknowledgements)))
            _ = try Self.ok(try await hub.post("comensha/acknowledgements", body), "comensha/acknowledgements")
        }
        return outcome
    }

    private func open(_ delivery: CoMenshaOutbox.Delivery) throws -> [UInt8] {
        guard let raw = keys[delivery.recipientKey] else {
            throw CoMenshaError("it is sealed to key \(delivery.recipientKey), which this client does not hold")
        }
        return try DeliveryEnvelope.open(
            delivery.envelope, with: try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw),
            delivery: delivery.delivery)
    }

    /// Writes `bytes` to `name` under the inbox, readable by CoMensha's service user only.
    private func write(_ bytes: [UInt8], to name: String) throws {
        let path = inbox + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(bytes, to: path, mode: 0o600)
    }

    /// A folder name for an origin: its letters and digits, the rest as `_`.
    static func folderName(_ origin: String) -> String {
        String(origin.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    /// The body of an answer of 200; any other answer is an error naming the path.
    private static func ok(_ response: HubResponse, _ path: String) throws -> Data {
        guard response.status == 200 else { throw CoMenshaError("the hub answered \(path) with \(response.status): \(response.body)") }
        return Data(response.body.utf8)
    }
}
