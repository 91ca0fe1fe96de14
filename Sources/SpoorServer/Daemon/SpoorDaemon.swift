import Foundation
import Logging
import ServiceLifecycle
import SpoorApplication
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The daemon: opens the store, rebuilds the projection if its form changed, serves the socket, talks to systemd, and
/// on SIGTERM or SIGINT drains every request and closes the store cleanly.
public enum SpoorDaemon {
    /// Runs until a shutdown signal; throws when it cannot start, saying why.
    public static func run(options: DaemonOptions, configuration base: ServerConfiguration? = nil, logger: Logger) async throws {
        GlibcHeap.capArenas()
        let configuration = try options.resolve(base)
        let notifier = SystemdNotifier()
        let listener = try Listener.fromEnvironment() ?? .path(configuration.socketPath)
        // Bound by hand with a configuration file: the socket goes to the admins' group, as under socket activation.
        let group =
            if case .path = listener, options.configPath != nil { try SocketGroup.resolve(configuration.socketGroup, logger: logger) } else {
                gid_t?.none
            }
        let lock = try StoreLock(folder: configuration.dataDirectory)
        defer { lock.release() }

        DaemonMetrics.bootstrap()  // before the ledger's writer makes its instruments
        let ledger = try openLedger(configuration)
        defer { ledger.close() }
        let (keys, projections) = try openProjections(ledger, configuration)
        logger.info("store \(configuration.dataDirectory) open at position \(ledger.lastPosition)")
        try rebuildIfOutdated(projections, notifier: notifier, logger: logger)
        let file = options.configPath ?? ServerConfiguration.defaultPath
        let signing = try checkpointSigning(configuration, file: file, ledger: ledger)
        if signing == nil && configuration.signsCheckpoints {
            throw ServerError.configuration(
                path: file,
                reason: """
                    names no checkpoint signing key (signingKeyPath) and there is no credential \(SigningKey.credentialName): a log that signs no \
                    checkpoints can be neither witnessed nor held to one. Create it (sudo sh -c 'umask 077; head -c 32 /dev/urandom > \
                    /etc/spoor/credentials/signing-key'), or set "signsCheckpoints": false
                    """)
        }
        try signing?.checkStore(ledger, folder: configuration.dataDirectory)  // before anything is appended
        let adoption = ProtocolAdoption(ledger: ledger, protocols: projections.protocols)
        try adoption.load()
        try await adoptProtocol(at: configuration.protocolPath, trigger: "start", adoption, logger: logger)

        if let signing {
            logger.info("signing checkpoints as \(signing.origin); verifier key \(signing.signer.verifierKey)")
        } else {
            logger.warning("no checkpoint signing key (credential \(SigningKey.credentialName)): audit.checkpoint is unavailable")
        }
        let users = UserDirectory(users: configuration.users, units: configuration.units)
        let statistics = ServerStatistics()
        let institution = Decider.Institution(name: configuration.organisation, region: configuration.region, regionsByUnit: configuration.regions)
        let dispatcher = Assembly.dispatcher(
            ledger: ledger, projections: projections, institution: institution, protocolPath: configuration.protocolPath, signing: signing,
            witnesses: try configuration.witnesses.map(CosignatureVerifier.init(verifierKey:)),
            comensha: try configuration.comensha.map { try CoMenshaRecipient(keyID: $0.keyID, publicKey: $0.publicKey) },
            epoch: try LogEpoch.current(in: ledger).number, keys: keys, users: users, vitals: RunningDaemon(statistics: statistics), logger: logger)
        let server = SocketServer(
            listener: listener, responder: dispatcher, maxConnections: configuration.maxConnections,
            statistics: statistics, logger: logger,
            onListening: {
                if case .path(let path) = listener, let group { SocketGroup.apply(group, to: path, logger: logger) }
                notifier.ready(status: "serving \(listener.description) at position \(ledger.lastPosition)")
            },
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

    /// Declares a restored store (`spoord --accept-restore`, the daemon stopped): records a
    /// `store-restored` event naming the last checkpoint signed and the size the store goes on
    /// from, begins the log's next epoch under a new origin, and signs its first checkpoint.
    /// Returns what an admin passes on to the auditor.
    public static func acceptRestore(options: DaemonOptions, configuration base: ServerConfiguration? = nil, logger: Logger) async throws -> String {
        let configuration = try options.resolve(base)
        let lock = try StoreLock(folder: configuration.dataDirectory)
        defer { lock.release() }
        let ledger = try openLedger(configuration)
        defer { ledger.close() }
        let (_, projections) = try openProjections(ledger, configuration)
        try rebuildIfOutdated(projections, notifier: SystemdNotifier(), logger: logger)
        guard let signing = try checkpointSigning(configuration, file: options.configPath ?? ServerConfiguration.defaultPath, ledger: ledger) else {
            throw ServerError.configuration(
                path: "signingKeyPath",
                reason:
                    """
                    is not set and there is no credential \(SigningKey.credentialName): a server that signs no checkpoints has none to hold a \
                    restore to
                    """
            )
        }
        guard signing.last.problem(of: ledger, origin: signing.origin, base: signing.base) != nil,
            let signed = signing.last.current.signed ?? signing.last.current.witnessed
        else {
            return "nothing to declare: the store in \(configuration.dataDirectory) holds every checkpoint this server signed and a witness kept"
        }
        let restored = try ledger.treeHead()
        let epoch = max(LogEpoch.number(of: signed.origin, base: signing.base) ?? 1, signing.epoch?.declaration.epoch ?? 1) + 1
        let declaration = RestoreDeclaration(
            epoch: epoch, origin: LogEpoch.origin(of: signing.base, epoch: epoch), previousOrigin: signed.origin, signedSize: signed.treeSize,
            signedRoot: signed.root, restoredSize: restored.size, restoredRoot: restored.root.hex)
        let uid = getuid()
        let result = try await ledger.append(
            to: .system, events: [ProposedEvent(type: LogEpoch.eventType, payload: try JSONValue(encoding: declaration).serialized)],
            metadata: AppendMetadata(actor: .init(uid: uid, name: UserDirectory.userName(of: uid) ?? "uid:\(uid)"), role: Role.admin.rawValue),
            projector: { positions, _ in [try LogEpoch.record(LogEpochRecord(position: positions[0], declaration: declaration))] })
        let next = try CheckpointSigning(
            seed: signing.seed, base: signing.base,
            epoch: LogEpochRecord(position: result.positions[0], declaration: declaration), last: signing.last)
        let checkpoint = try next.sign(try ledger.treeHead(), ledger: ledger)
        logger.notice(
            """
            declared a restore: epoch \(epoch) of the log, \(declaration.origin), goes on from \(restored.size) events; \(declaration.lost) \
            signed as \(signed.origin) lost
            """
        )
        let lost = declaration.lostEvents > 0 ? " (\(declaration.lost) signed then not in the store)" : ""
        return """
            declared the restore at position \(result.positions[0]): the store goes on from \(restored.size) events; \
            the last checkpoint signed, of \(signed.treeSize) events as \(signed.origin), ends epoch \(epoch - 1)\(lost).
            Epoch \(epoch) of the log is signed as \(declaration.origin); give the auditor its verifier key:
            \(next.signer.verifierKey)

            \(checkpoint)
            """
    }

    /// Opens the store, saying what is damaged when it cannot.
    static func openLedger(_ configuration: ServerConfiguration) throws -> Ledger {
        var ledgerConfiguration = LedgerConfiguration()
        ledgerConfiguration.maxMapSize = configuration.maxStoreBytes
        do { return try Ledger(path: configuration.dataDirectory, configuration: ledgerConfiguration) } catch LedgerError.corrupt(
            let position, let reason)
        {
            throw StoreError.file(
                path: configuration.dataDirectory,
                reason: "is damaged at position \(position): \(reason); `spoord --verify-store` checks the whole store")
        }
    }

    /// The case keys under the master key that opens the store, and the case projection.
    static func openProjections(_ ledger: Ledger, _ configuration: ServerConfiguration) throws -> (CaseKeys, CaseProjection) {
        let master = try MasterKey.load(path: try masterKeyPath(configuration))
        try checkMasterKey(master, opens: ledger)
        let keys = CaseKeys(ledger: ledger, master: master)
        return (keys, CaseProjection(ledger: ledger, keys: keys, protocols: AdoptedProtocols(), recentBytes: configuration.recentCasesBytes))
    }

    /// How the log signs checkpoints in its current epoch, or `nil` without a signing key. Names a
    /// new log before anything is appended to it (``LogOrigin``); reads the epoch from the
    /// projection, so after a rebuild.
    static func checkpointSigning(_ configuration: ServerConfiguration, file: String, ledger: Ledger) throws -> CheckpointSigning? {
        guard let seed = try SigningKey.seed(path: KeyFile.path(configured: configuration.signingKeyPath, credential: SigningKey.credentialName))
        else {
            return nil
        }
        let base = try LogOrigin.settle(configuration, file: file, ledger: ledger)
        return try CheckpointSigning(
            seed: seed, base: base, epoch: LogEpoch.current(in: ledger).declared,
            last: LastCheckpoints(folder: configuration.dataDirectory))
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
        let rules = try path.map { path throws(StoreError) in try ProtocolAdoption.read(path: path) } ?? .standard
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
            throw .configuration(
                path: "masterKeyPath",
                reason: "is not set and there is no credential \(MasterKey.credentialName): the daemon seals personal data and needs its master key")
        }
        return path
    }

    /// Refuses a master key that is not the store's, before anything is written; a new store
    /// records the key's check value.
    static func checkMasterKey(_ master: MasterKey, opens ledger: Ledger) throws {
        if let check = try ledger.keyCheck() {
            guard master.opens(checkValue: check) else {
                throw StoreError.file(path: "the master key", reason: "does not open this store: it is not the key the store was sealed with")
            }
        } else {
            try ledger.replaceKeys(check: try master.checkValue(), wrapped: [])
        }
    }
}
