import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SpoorProtocol

/// One round at CoMensha: fetch what the hub holds, open each delivery with the key it was sealed
/// to, write it to the inbox (one file per delivery, written whole or not at all), and
/// acknowledge what was written; notices are written and acknowledged the same way. A delivery
/// that does not open stays at the hub and is logged: nothing is acknowledged that CoMensha
/// does not hold.
struct Intake {
    let hub: String
    let http: HTTPClient
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
        let outbox = try JSONDecoder().decode(CoMenshaOutbox.self, from: try await send(.GET, "comensha/outbox", body: nil))
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
            acknowledgements.append(.init(origin: notice.origin, delivery: notice.delivery, subject: notice.subject == .erasure ? .erasure : .withdrawal))
            outcome.notices += 1
        }
        if !acknowledgements.isEmpty {
            _ = try await send(.POST, "comensha/acknowledgements", body: try JSONEncoder().encode(CoMenshaAcknowledgements(acknowledgements: acknowledgements)))
        }
        return outcome
    }

    private func open(_ delivery: CoMenshaOutbox.Delivery) throws -> [UInt8] {
        guard let raw = keys[delivery.recipientKey] else { throw CoMenshaError("it is sealed to key \(delivery.recipientKey), which this client does not hold") }
        return try DeliveryEnvelope.open(delivery.envelope, with: try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw),
                                         delivery: delivery.delivery)
    }

    /// Writes `bytes` to `name` under the inbox, readable by CoMensha's service user only.
    private func write(_ bytes: [UInt8], to name: String) throws {
        let path = inbox + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(bytes, to: path, mode: 0o600)
    }

    /// A folder name for an origin: its letters and digits, the rest as `_`.
    static func folderName(_ origin: String) -> String {
        String(origin.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    private func send(_ method: HTTPMethod, _ path: String, body: Data?) async throws -> Data {
        var request = HTTPClientRequest(url: (hub.hasSuffix("/") ? hub : hub + "/") + path)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await http.execute(request, timeout: .seconds(60))
        let text = try await response.body.collect(upTo: 256 << 20)
        guard response.status == .ok else { throw CoMenshaError("the hub answered \(path) with \(response.status.code): \(String(buffer: text))") }
        return Data(text.readableBytesView)
    }
}

extension JSONEncoder {
    /// Keys sorted: one notice, one text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
