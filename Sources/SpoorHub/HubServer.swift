import Crypto
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import SpoorProof
import SpoorWitness

/// The hub's HTTPS face: c2sp.org/tlog-witness `POST /add-checkpoint`, over TLS that demands a
/// client certificate from the CA of the institutions' relays. Each certificate is pinned, by its
/// SHA-256 fingerprint, to one institution's origin: a checkpoint of another is refused (403)
/// and kept as evidence.
public enum HubServer {
    /// The largest add-checkpoint body read: 63 proof lines and a checkpoint with its signatures.
    static let maxBody = 64 << 10

    public static func application(
        witness: Witness, intake: RegistrationIntake, outbox: PostgresOutbox, records: PostgresRecordStore, pinned: [String: String],
        comensha: String?,
        smallCellThreshold: Int, tls: TLSConfiguration, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = Router(context: HubRequestContext.self)
        router.post("add-checkpoint") { request, context -> Response in
            let body = try await request.body.collect(upTo: maxBody)
            let fingerprint = try await context.clientFingerprint()
            let origin = pinned[fingerprint] ?? "an unregistered certificate (\(fingerprint))"
            let answer = await witness.addCheckpoint(String(buffer: body), client: origin)
            if answer.status != 200 { logger.warning("add-checkpoint from \(origin): \(answer.status) \(answer.body)") }
            return response(answer)
        }
        router.post("registration-records") { request, context -> Response in
            let body = try await request.body.collect(upTo: maxRecordsBody)
            let fingerprint = try await context.clientFingerprint()
            let answer = await intake.take(Array(buffer: body), origin: pinned[fingerprint], client: fingerprint)
            if answer.status != 200 {
                logger.warning("registration-records from \(pinned[fingerprint] ?? fingerprint): \(answer.status) \(answer.body)")
            }
            return response(answer)
        }
        OutboxRoutes(outbox: outbox, pinned: pinned, comensha: comensha, logger: logger).add(to: router)
        StatisticsRoutes(records: records, known: Set(pinned.keys).union(comensha.map { [$0] } ?? []), threshold: smallCellThreshold, logger: logger)
            .add(to: router)
        return Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(address: .hostname(host, port: port), serverName: "spoor-hub"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// The largest registration-records body read: a thousand records with their proofs.
    static let maxRecordsBody = 8 << 20

    static func response(_ answer: WitnessResponse) -> Response {
        var headers: HTTPFields = [.contentType: answer.contentType]
        if answer.status == 503 { headers[.retryAfter] = "5" }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }

    /// TLS that presents the hub's certificate and requires a client certificate from `clientCA`.
    public static func tls(certificate: String, key: String, clientCA: String) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: try pem(certificate), privateKey: .privateKey(try pemKey(key)))
        tls.certificateVerification = .noHostnameVerification
        tls.trustRoots = .file(clientCA)
        tls.minimumTLSVersion = .tlsv12
        return tls
    }

    /// The certificate chain in the PEM file at `path`; an error names the file.
    public static func pem(_ path: String) throws -> [NIOSSLCertificateSource] {
        do { return try NIOSSLCertificate.fromPEMFile(path).map { .certificate($0) } } catch {
            throw HubError.configuration("\(path) holds no PEM certificate: \(error)")
        }
    }

    /// The private key in the PEM file at `path`; an error names the file.
    public static func pemKey(_ path: String) throws -> NIOSSLPrivateKey {
        do { return try NIOSSLPrivateKey(file: path, format: .pem) } catch {
            throw HubError.configuration("\(path) holds no PEM private key: \(error)")
        }
    }

    /// `sha256:<hex>` of a certificate's DER: how an institution's relay certificate is pinned.
    public static func fingerprint(_ certificate: NIOSSLCertificate) throws -> String {
        "sha256:" + SHA256.hash(data: try certificate.toDERBytes()).hexString
    }
}

/// A request's context, with the connection it came on: its TLS peer is the relay's certificate.
struct HubRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The fingerprint of the client certificate the TLS handshake verified.
    func clientFingerprint() async throws -> String {
        let channel = self.channel
        let certificate = try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self).peerCertificate
        }.get()
        guard let certificate else { throw HTTPError(.forbidden, message: "no client certificate") }
        return try HubServer.fingerprint(certificate)
    }
}
