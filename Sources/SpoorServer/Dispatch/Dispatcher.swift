import Foundation
import Logging
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Turns requests into replies: authorises the caller, decodes the parameters strictly, settles
/// the role a command is made in, and routes the work to the handler of its concern, each of
/// which holds only what it uses.
final class Dispatcher: Sendable {
    let commands: CommandHandler
    let queries: QueryHandler
    let access: AccessHandler
    let audit: AuditHandler
    let deliveries: DeliveryHandler
    let subject: SubjectHandler
    let retention: RetentionHandler
    let admin: AdminHandler
    let backups: BackupHandler
    let protocolHandler: ProtocolHandler
    /// The protocols adopted: the one in force says which roles care for which units.
    let protocols: AdoptedProtocols
    let system: SystemStream
    /// The configuration's users: whom a delegate may vouch for.
    let users: UserDirectory
    let metrics = RequestMetrics()
    let logger: Logger

    init(ledger: Ledger, projections: CaseProjection, institution: Decider.Institution, protocolPath: String?,
         signing: CheckpointSigning?, witnesses: [CosignatureVerifier], comensha: CoMenshaRecipient?, epoch: Int, keys: CaseKeys, users: UserDirectory,
         statistics: ServerStatistics, logger: Logger) {
        let adopted = projections.protocols
        let system = SystemStream(ledger: ledger, keys: keys, logger: logger)
        let access = AccessHandler(ledger: ledger, projections: projections, system: system,
                                   reader: PersonalContentReader(ledger: ledger, keys: keys))
        let commands = CommandHandler(ledger: ledger, projections: projections, keys: keys, protocols: adopted, institution: institution, epoch: epoch,
                                      comensha: comensha)
        self.commands = commands
        self.deliveries = DeliveryHandler(ledger: ledger, projections: projections, commands: commands)
        self.access = access
        self.queries = QueryHandler(ledger: ledger, projections: projections, protocols: adopted, institution: institution, system: system, access: access,
                                    origin: signing?.origin)
        self.audit = AuditHandler(ledger: ledger, signing: signing, witnesses: witnesses, system: system)
        self.subject = SubjectHandler(ledger: ledger, projections: projections, keys: keys, protocols: adopted, system: system, access: access)
        self.retention = RetentionHandler(projections: projections, protocols: adopted, commands: commands)
        self.backups = BackupHandler(ledger: ledger, keys: keys, logger: logger)
        self.admin = AdminHandler(ledger: ledger, projections: projections, keys: keys, statistics: statistics, system: system, logger: logger)
        self.protocols = adopted
        self.protocolHandler = ProtocolHandler(protocols: adopted, adoption: ProtocolAdoption(ledger: ledger, protocols: adopted), protocolPath: protocolPath)
        self.system = system
        self.users = users
        self.logger = logger
    }

    /// A function that sends one reply line; a streaming method calls it more than once.
    typealias Reply = @Sendable (Response) async throws -> Void

    /// Serves `request`, sending its reply lines through `reply`. Never throws for the request's
    /// fault: every failure becomes a typed error line.
    func handle(_ request: Request, from caller: Caller, reply: @escaping Reply) async throws {
        let started = ContinuousClock.now
        do {
            try await authorise(request.method, caller)
            if let result = try await serve(request, caller, reply) {
                try await reply(.success(request.id, result))
            }
            metrics.request(request.method, took: ContinuousClock.now - started, failure: nil)
        } catch {
            let wireError = WireError.from(error)
            if wireError.code == .internal {
                logger.error("request \(request.method.rawValue) of \(caller.principal.name) failed: \(wireError.message)")
            }
            metrics.request(request.method, took: ContinuousClock.now - started, failure: wireError.code)
            try await reply(.failure(request.id, wireError))
        }
    }

    /// Runs the method; a streaming method sends its lines itself and returns its final result.
    private func serve(_ request: Request, _ caller: Caller, _ reply: @escaping Reply) async throws -> JSONValue? {
        if !request.method.takesParameters { let _: EmptyParams = try params(request) }
        return switch request.method {
        case .status: try admin.status()
        case .metrics: try await admin.metrics()
        case .caseCommand: try await command(try CommandParams(json: request.params), caller)
        case .caseShow: try await queries.show(try params(request), caller)
        case .caseList: try queries.list(try params(request), caller)
        case .caseNext: try queries.nextSteps(try params(request))
        case .registrationForm: try await queries.registrationForm(try params(request), caller)
        case .worklist: try queries.worklist(try params(request), caller)
        case .auditTrace: try queries.trace(try params(request))
        case .stats: try queries.stats(try params(request), caller)
        case .eventsTail: try await admin.tail(try params(request), request.id, reply)
        case .projectionsRebuild: try await admin.rebuild(request.id, reply)
        case .backup: try await backups.backup(try params(request))
        case .auditCheckpoint: try audit.checkpoint()
        case .auditProve: try audit.prove(try params(request))
        case .auditConsistency: try audit.consistency(try params(request))
        case .auditVerify: try audit.verifyLog()
        case .registrationOutbox: try deliveries.outbox()
        case .registrationAcknowledged: try await deliveries.acknowledge(try params(request), by: caller)
        case .auditWitnessed: try await audit.witnessed(try params(request), caller)
        case .auditCosigned: try await audit.cosigned(try params(request), caller)
        case .subjectExport: try await subject.export(try params(request), caller)
        case .retentionDue: try retention.retentionDue(try params(request))
        case .retentionApply: try await retention.retentionApply(try params(request), caller)
        case .keysRotate: try await admin.rotateKeys(try params(request), caller)
        case .protocolShow: try protocolHandler.showProtocol(try params(request))
        case .protocolReload: try await protocolHandler.reloadProtocol(caller)
        case .accessLog: try await access.accessLog(try params(request), caller)
        case .accessReview: try await access.reviewEmergency(try params(request), caller)
        }
    }

    /// The roles that may call each method at all; commands are checked again, one by one,
    /// against the domain's permissions.
    static func roles(for method: SpoorProtocol.Method) -> Set<Role> {
        switch method {
        case .status: Set(Role.allCases)
        case .metrics: [.admin, .auditor, .monitor]
        // The monitor reads health and metrics only; a delegate issues commands for the carers it vouches for.
        case .caseCommand: Set(Role.allCases).subtracting([.monitor, .relay])
        case .stats, .protocolShow: Set(Role.allCases).subtracting([.monitor, .delegate, .relay])
        case .caseShow, .caseList: Caller.careRoles.union([.auditor, .privacyOfficer])
        case .caseNext, .registrationForm: Caller.careRoles
        // The privacy officer's erasure requests are on it too; it names cases, no personal content.
        case .worklist: Caller.careRoles.union([.privacyOfficer])
        case .auditTrace: [.auditor, .attentionOfficer, .behaviouralScientist, .privacyOfficer]
        case .eventsTail: [.admin, .auditor, .relay]
        case .projectionsRebuild, .backup: [.admin]
        case .auditWitnessed: [.auditor]
        case .auditCosigned, .registrationOutbox, .registrationAcknowledged: [.relay]
        case .auditCheckpoint, .auditProve, .auditConsistency: [.auditor, .admin, .attentionOfficer, .behaviouralScientist, .privacyOfficer, .relay]
        case .auditVerify: [.auditor, .admin, .attentionOfficer, .behaviouralScientist, .privacyOfficer]
        case .subjectExport, .retentionDue, .retentionApply, .accessReview: [.privacyOfficer]
        case .accessLog: [.privacyOfficer, .auditor]
        case .keysRotate, .protocolReload: [.admin]
        }
    }

    private func authorise(_ method: SpoorProtocol.Method, _ caller: Caller) async throws {
        // root, who may stop and start the daemon anyway, checks its health without a role; nothing else.
        if method == .status, caller.principal.uid == 0 { return }
        let roles = caller.principal.roles
        guard !Self.roles(for: method).isDisjoint(with: roles) else {
            let reason = roles.isEmpty
                ? "user \(caller.principal.name) has no role in Spoor; ask an admin to add it to the configuration"
                : "\(method.rawValue) needs one of the roles \(Self.roles(for: method).map(\.rawValue).sorted().joined(separator: ", "))"
            throw await system.denied(caller, method: method.rawValue, reason: reason)
        }
    }

    /// Decodes the request's parameters as `T`, strictly: a field `T` does not have is refused by name.
    func params<T: Decodable>(_ request: Request) throws(WireError) -> T {
        do { return try request.params.decode(as: T.self) } catch let unknown as JSONValueDecoder.UnknownKey {
            throw WireError(.badRequest, "\(request.method.rawValue) has no parameter \"\(unknown.path)\"", field: unknown.path)
        } catch {
            throw WireError(.badRequest, "the parameters of \(request.method.rawValue) do not fit: \(Self.describe(error))")
        }
    }

    /// A `DecodingError` in words: which field, what is wrong.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "\"\(key.stringValue)\" is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is not valid: \(context.debugDescription)"
        default: String(describing: error)
        }
    }
}
