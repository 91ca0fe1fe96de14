import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A client of the national hub over mutual TLS: the relay's and spoor-comensha's one way to it.
/// It presents the client's certificate, trusts only the hub's CA, and reads every answer whole.
public struct HubClient: Sendable {
    /// The hub's address; paths are below it.
    public let hub: String
    let http: HTTPClient

    /// A client presenting the certificate and key in `certificate` and `key` (PEM), trusting the CA in `hubCA`.
    public init(hub: String, certificate: String, key: String, hubCA: String) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        tls.trustRoots = .file(hubCA)
        self.hub = hub
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
    }

    /// POSTs `body` to `path`.
    public func post(_ path: String, _ body: [UInt8], contentType: String = "application/json", timeout: TimeAmount = .seconds(60)) async throws
        -> HubResponse
    {
        try await send(.POST, path, body: (body, contentType), timeout: timeout)
    }

    /// GETs `path`.
    public func get(_ path: String, timeout: TimeAmount = .seconds(60)) async throws -> HubResponse {
        try await send(.GET, path, body: nil, timeout: timeout)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: (bytes: [UInt8], type: String)?, timeout: TimeAmount) async throws -> HubResponse {
        var request = HTTPClientRequest(url: (hub.hasSuffix("/") ? hub : hub + "/") + path)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: body.type)
            request.body = .bytes(ByteBuffer(bytes: body.bytes))
        }
        return try await HubResponse(try await http.execute(request, timeout: timeout))
    }

    /// Closes the client's connections; call it once, before the process ends.
    public func shutdown() async { try? await http.shutdown() }
}

/// What the hub answered: its status, body, and when to try again if it said.
public struct HubResponse: Sendable {
    /// The longest body read: a page of acknowledgements or of CoMensha's outbox.
    static let maxBody = 256 << 20

    public var status: Int
    public var contentType: String
    public var body: String
    public var retryAfter: Int?

    init(_ response: HTTPClientResponse) async throws {
        status = Int(response.status.code)
        contentType = response.headers.first(name: "Content-Type") ?? ""
        body = String(buffer: try await response.body.collect(upTo: Self.maxBody))
        retryAfter = response.headers.first(name: "Retry-After").flatMap(Int.init)
    }

    /// Whether the hub asks to come back later (PostgreSQL away, or too busy).
    public var asksToWait: Bool { status == 429 || status == 503 }
}
