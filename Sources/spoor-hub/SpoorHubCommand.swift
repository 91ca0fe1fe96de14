import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import SpoorDomain
import SpoorHub
import SpoorProof
import SpoorWitness

/// `spoor-hub`: the national hub. It keeps no state of its own: the witness's record lives in
/// PostgreSQL (a primary with a synchronous standby in production).
@main
struct SpoorHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoor-hub",
        abstract: "The national Spoor hub: a c2sp.org/tlog-witness over HTTPS with client certificates, its record in PostgreSQL.")

    @Option(help: "The configuration file.") var config = "/etc/spoor-hub/hub.json"
    @Option(help: "The least severe log level written.") var logLevel = "info"

    func run() async throws {
        var logger = Logger(label: "spoor-hub")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        do {
            try await serve(try HubConfiguration.load(from: config), logger: logger)
        } catch {
            FileHandle.standardError.write(Data("spoor-hub: cannot run: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }

    private func serve(_ configuration: HubConfiguration, logger: Logger) async throws {
        let cosigner = try Cosigner(name: configuration.cosigner.name, seed: try Self.seed(configuration.cosigner.keyPath))
        let logs = try configuration.institutions.map { institution in
            do { return try CheckpointVerifier(verifierKey: institution.logKey) } catch {
                throw HubError.configuration("institution \(institution.origin): logKey is not a log's verifier key: \(error)")
            }
        }
        for (log, institution) in zip(logs, configuration.institutions) where log.name != institution.origin {
            throw HubError.configuration("institution \(institution.origin): its logKey names the log \(log.name)")
        }
        let postgres = configuration.postgres
        let database = HubDatabase(
            hosts: postgres.nodes.map { ($0, Self.clientConfiguration(postgres, host: $0)) },
            deadline: .milliseconds(postgres.deadlineMilliseconds ?? 1_500), logger: logger)
        let store = PostgresWitnessStore(database: database, logger: logger)
        let witness = Witness(cosigner: cosigner, logs: logs, store: store)
        let records = PostgresRecordStore(database: database, logger: logger, retentionMonths: configuration.recordRetentionMonths ?? 60)
        let regions = Dictionary(
            configuration.institutions.compactMap { institution in institution.region.map { (institution.origin, $0) } },
            uniquingKeysWith: { first, _ in first })
        let intake = RegistrationIntake(witnessed: store, records: records, regions: regions)
        let outbox = PostgresOutbox(database: database, logger: logger)
        let pinned = Dictionary(configuration.institutions.map { ($0.client.lowercased(), $0.origin) }, uniquingKeysWith: { first, _ in first })
        let tls = try HubServer.tls(certificate: configuration.tls.certificate, key: configuration.tls.key, clientCA: configuration.tls.clientCA)
        let app = try HubServer.application(
            witness: witness, intake: intake, outbox: outbox, records: records, pinned: pinned,
            comensha: configuration.comensha?.client.lowercased(),
            smallCellThreshold: configuration.smallCellThreshold ?? InstitutionProtocol.standard.statistics.smallCellThreshold, tls: tls,
            host: configuration.listen.host, port: configuration.listen.port,
            logger: logger
        ) { port in
            logger.notice("witnessing \(logs.count) logs as \(cosigner.name) on port \(port); cosigner key \(cosigner.verifierKey)")
        }
        // The tables exist before the first request is served; the client runs until the server stops.
        try await withThrowingDiscardingTaskGroup { tasks in
            tasks.addTask { await database.run() }
            try await store.migrate()
            try await records.migrate()
            try await outbox.migrate()
            try await ServiceGroup(
                configuration: .init(
                    services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger)
            ).run()
            tasks.cancelAll()
        }
    }

    /// How the hub reaches one node: a Unix socket's folder, or a host over TCP; a node that does not
    /// answer within a second is passed over for the next.
    static func clientConfiguration(_ postgres: HubConfiguration.Postgres, host: String) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration =
            host.hasPrefix("/")
            ? .init(
                unixSocketPath: host + "/.s.PGSQL.\(postgres.port ?? 5432)", username: postgres.username, password: postgres.password,
                database: postgres.database)
            : .init(
                host: host, port: postgres.port ?? 5432, username: postgres.username, password: postgres.password, database: postgres.database,
                tls: .disable)
        configuration.options.connectTimeout = .seconds(1)
        return configuration
    }

    /// A 32-byte Ed25519 seed, raw or base64.
    static func seed(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw HubError.configuration("the cosigner key \(path) cannot be read") }
        if data.count == 32 { return Array(data) }
        guard let decoded = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            decoded.count == 32
        else {
            throw HubError.configuration("the cosigner key \(path) is not 32 bytes, raw or base64")
        }
        return Array(decoded)
    }
}
