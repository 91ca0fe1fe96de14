import Foundation
import Logging
import ServiceLifecycle
import SpoorDomain
import SpoorLedger
import SpoorProof

/// The daemon: opens the store, rebuilds the projection if its form changed, serves the socket, talks to systemd, and
/// on SIGTERM or SIGINT drains every request and closes the store cleanly.
public enum SpoorDaemon {
    /// Runs until a shutdown signal; throws when it cannot start, saying why.
    public static func run(options: DaemonOptions, configuration base: ServerConfiguration? = nil, logger: Logger) async throws {
        GlibcHeap.capArenas()
        let configuration = try options.resolve(base)
        let notifier = SystemdNotifier()
        let listener = try Listener.fromEnvironment() ?? .path(configuration.socketPath)
        let lock = try StoreLock(folder: configuration.dataDirectory)
        defer { lock.release() }

        DaemonMetrics.bootstrap()  // before the ledger's writer makes its instruments
        var ledgerConfiguration = LedgerConfiguration()
        ledgerConfiguration.maxMapSize = configuration.maxStoreBytes
        let ledger: Ledger
        do { ledger = try Ledger(path: configuration.dataDirectory, configuration: ledgerConfiguration) } catch LedgerError.corrupt(let position, let reason) {
            throw ServerError.configuration(path: configuration.dataDirectory,
                                            reason: "is damaged at position \(position): \(reason); `spoord --verify-store` checks the whole store")
        }
        defer { ledger.close() }
        let master = try MasterKey.load(path: try masterKeyPath(configuration))
        try checkMasterKey(master, opens: ledger)
        let keys = CaseKeys(ledger: ledger, master: master)
        let projections = CaseProjection(ledger: ledger, keys: keys, protocols: AdoptedProtocols(), recentBytes: configuration.recentCasesBytes)
        logger.info("store \(configuration.dataDirectory) open at position \(ledger.lastPosition)")
        // Named before anything is appended: a store that holds no event yet is a new log.
        let signer = try SigningKey.load(path: KeyFile.path(configured: configuration.signingKeyPath, credential: SigningKey.credentialName)) {
            try LogOrigin.settle(configuration, file: options.configPath ?? ServerConfiguration.defaultPath, ledger: ledger)
        }
        try rebuildIfOutdated(projections, notifier: notifier, logger: logger)
        let adoption = ProtocolAdoption(ledger: ledger, protocols: projections.protocols)
        try adoption.load()
        try await adoptProtocol(at: configuration.protocolPath, trigger: "start", adoption, logger: logger)

        if let signer {
            logger.info("signing checkpoints as \(signer.name); verifier key \(signer.verifierKey)")
        } else {
            logger.warning("no checkpoint signing key (credential \(SigningKey.credentialName)): audit.checkpoint is unavailable")
        }
        let users = UserDirectory(users: configuration.users, units: configuration.units)
        let statistics = ServerStatistics()
        let institution = Decider.Institution(name: configuration.organisation, region: configuration.region, regionsByUnit: configuration.regions)
        let dispatcher = Dispatcher(ledger: ledger, projections: projections, institution: institution,
                                    protocolPath: configuration.protocolPath, signer: signer,
                                    keys: keys, statistics: statistics, logger: logger)
        let server = SocketServer(
            listener: listener, dispatcher: dispatcher, users: users, maxConnections: configuration.maxConnections,
            statistics: statistics, logger: logger,
            onListening: { notifier.ready(status: "serving \(listener.description) at position \(ledger.lastPosition)") },
            onStopping: { notifier.stopping() })
        let watchdog = WatchdogService(notifier: notifier) { (try? ledger.read(from: ledger.lastPosition, limit: 1)) != nil }

        // Shut down in reverse order: the reloader and watchdog first, then the server drains.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: server)]
        if let watchdog { services.append(.init(service: watchdog)) }
        services.append(.init(service: ConfigurationReloader(options: options, users: users, adoption: adoption, logger: logger)))
        var groupConfiguration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // A client that stops reading must not hold the drain forever; systemd's TimeoutStopSec is 60 s.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(30)
        try await ServiceGroup(configuration: groupConfiguration).run()
        logger.info("store closed at position \(ledger.lastPosition)")
    }

    /// Checks the store offline, the daemon not running (its lock is taken): every event's hash and
    /// chain, the sealed digests, and every index against the log. Returns what it found, and
    /// whether the store is intact.
    public static func verifyStore(options: DaemonOptions, configuration base: ServerConfiguration? = nil) throws -> (report: String, intact: Bool) {
        let configuration = try options.resolve(base)
        let lock = try StoreLock(folder: configuration.dataDirectory)
        defer { lock.release() }
        let ledger: Ledger
        do { ledger = try Ledger(path: configuration.dataDirectory) } catch {
            return ("\(configuration.dataDirectory): \(error)", false)
        }
        defer { ledger.close() }
        let report = try ledger.verify()
        return ("\(configuration.dataDirectory): \(report)", report.isIntact)
    }

    /// Rebuilds the case projection before serving when it was never built or is of an older
    /// form (a new store, or a new version of the daemon), keeping systemd's start timeout ahead.
    static func rebuildIfOutdated(_ projections: CaseProjection, notifier: SystemdNotifier, logger: Logger) throws {
        guard try projections.undecodableAtLastRebuild() == nil else { return }
        let started = ContinuousClock.now
        var lastReport = started
        let (position, undecodable) = try projections.rebuild { folded, last in
            guard ContinuousClock.now - lastReport > .seconds(1) else { return }
            lastReport = .now
            notifier.extendStartTimeout(by: .seconds(30), status: "rebuilding the case projection: \(folded) of \(last) events")
        }
        logger.info("case projection rebuilt up to position \(position) in \(ContinuousClock.now - started)")
        if undecodable > 0 { logger.warning("\(undecodable) case events did not decode; spoorctl status counts them") }
    }

    /// Adopts the protocol file at `path` (the built-in protocol when `nil`) unless it is in
    /// force already, in the name of the daemon's own OS user; a bad file throws all its problems.
    static func adoptProtocol(at path: String?, trigger: String, _ adoption: ProtocolAdoption, logger: Logger) async throws {
        let rules = try path.map { path throws(ServerError) in try ProtocolAdoption.read(path: path) } ?? .standard
        let uid = getuid()
        let actor = AppendMetadata.Actor(uid: uid, name: UserDirectory.userName(of: uid) ?? "uid:\(uid)")
        let outcome = try await adoption.adopt(rules, file: path, trigger: trigger, by: actor, role: "daemon")
        switch outcome {
        case .adopted(let adopted):
            logger.notice("adopted protocol version \(rules.version) (\(adopted.digest)) from \(path ?? "the built-in default")")
        case .unchanged(let adopted):
            logger.info("protocol version \(rules.version) (\(adopted.digest)) in force")
        }
    }

    /// The master key's file: configured, or systemd's credential.
    static func masterKeyPath(_ configuration: ServerConfiguration) throws(ServerError) -> String {
        guard let path = KeyFile.path(configured: configuration.masterKeyPath, credential: MasterKey.credentialName) else {
            throw .configuration(path: "masterKeyPath", reason: "is not set and there is no credential \(MasterKey.credentialName): the daemon seals personal data and needs its master key")
        }
        return path
    }

    /// Refuses a master key that is not the store's, before anything is written; a new store
    /// records the key's check value.
    static func checkMasterKey(_ master: MasterKey, opens ledger: Ledger) throws {
        if let check = try ledger.keyCheck() {
            guard master.opens(checkValue: check) else {
                throw ServerError.configuration(path: "master key", reason: "does not open this store: it is not the key the store was sealed with")
            }
        } else {
            try ledger.replaceKeys(check: try master.checkValue(), wrapped: [])
        }
    }
}
