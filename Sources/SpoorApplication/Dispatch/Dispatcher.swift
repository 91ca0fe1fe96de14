import Foundation
import Logging
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Turns requests into replies: authorises the caller, decodes the parameters strictly, settles
/// the role a command is made in, and routes the work to the handler of its concern, each of
/// which holds only what it uses.
package final class Dispatcher: Sendable {
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

    /// The handlers, each built where the daemon is assembled with only what it uses.
    package struct Handlers: Sendable {
        package var commands: CommandHandler
        package var queries: QueryHandler
        package var access: AccessHandler
        package var audit: AuditHandler
        package var deliveries: DeliveryHandler
        package var subject: SubjectHandler
        package var retention: RetentionHandler
        package var admin: AdminHandler
        package var backups: BackupHandler
        package var protocolHandler: ProtocolHandler

        package init(
            commands: CommandHandler, queries: QueryHandler, access: AccessHandler, audit: AuditHandler, deliveries: DeliveryHandler,
            subject: SubjectHandler, retention: RetentionHandler, admin: AdminHandler, backups: BackupHandler, protocolHandler: ProtocolHandler
        ) {
            (self.commands, self.queries, self.access, self.audit, self.deliveries) = (commands, queries, access, audit, deliveries)
            (self.subject, self.retention, self.admin, self.backups, self.protocolHandler) = (subject, retention, admin, backups, protocolHandler)
        }
    }

    package init(handlers: Handlers, protocols: AdoptedProtocols, system: SystemStream, users: UserDirectory, logger: Logger) {
        (commands, queries, access, audit, deliveries) = (handlers.commands, handlers.queries, handlers.access, handlers.audit, handlers.deliveries)
        (subject, retention, admin, backups, protocolHandler) = (
            handlers.subject, handlers.retention, handlers.admin, handlers.backups,
            handlers.protocolHandler
        )
        (self.protocols, self.system, self.users, self.logger) = (protocols, system, users, logger)
    }

    /// The peer of a new connection from `uid`.
    package func peer(uid: UInt32, connection: Int) -> Caller.Peer {
        Caller.Peer(uid: uid, name: users.principal(uid: uid).name, connection: connection)
    }

    /// The caller a request of `peer` comes from, with its roles and the protocol's access rules as they are now.
    package func caller(_ peer: Caller.Peer) -> Caller {
        Caller(
            principal: users.principal(uid: peer.uid, name: peer.name), access: protocols.current.access, connection: peer.connection,
            knownUnits: users.declaredUnits)
    }

    /// A function that sends one reply line; a streaming method calls it more than once.
    package typealias Reply = @Sendable (Response) async throws -> Void

    /// Serves `request`, sending its reply lines through `reply`. Never throws for the request's
    /// fault: every failure becomes a typed error line.
    package func handle(_ request: Request, from caller: Caller, reply: @escaping Reply) async throws {
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
        case .caseList: try await scan(request, "spoor-list") { [queries] (list: CaseListParams) in try queries.list(list, caller) }
        case .caseNext: try queries.nextSteps(try params(request))
        case .registrationForm: try await queries.registrationForm(try params(request), caller)
        case .worklist: try queries.worklist(try params(request), caller)
        case .auditTrace: try queries.trace(try params(request))
        case .stats: try await scan(request, "spoor-stats") { [queries] (stats: StatsParams) in try queries.stats(stats, caller) }
        case .eventsTail: try await admin.tail(try params(request), request.id, reply)
        case .projectionsRebuild: try await admin.rebuild(request.id, reply)
        case .backup: try await backups.backup(try params(request))
        case .auditCheckpoint: try audit.checkpoint()
        case .auditProve: try audit.prove(try params(request))
        case .auditConsistency: try audit.consistency(try params(request))
        case .auditVerify: try await audit.verifyLog()
        case .registrationOutbox: try deliveries.outbox()
        case .registrationAcknowledged: try await deliveries.acknowledge(try params(request), by: caller)
        case .auditWitnessed: try await audit.witnessed(try params(request), caller)
        case .auditCosigned: try await audit.cosigned(try params(request), caller)
        case .subjectExport: try await subject.export(try params(request), caller)
        case .retentionDue: try await scan(request, "spoor-retention") { [retention] (due: RetentionParams) in try retention.retentionDue(due) }
        case .retentionApply: try await retention.retentionApply(try params(request), caller)
        case .keysRotate: try await admin.rotateKeys(try params(request), caller)
        case .protocolShow: try protocolHandler.showProtocol(try params(request))
        case .protocolReload: try await protocolHandler.reloadProtocol(caller)
        case .accessLog: try await access.accessLog(try params(request), caller)
        case .accessReview: try await access.reviewEmergency(try params(request), caller)
        }
    }

    /// A method that reads every case, run on a thread of its own (``BlockingWork``), not on the
    /// event loop its connection is on, where it would hold up the other connections' requests.
    private func scan<P: Decodable & Sendable>(_ request: Request, _ name: String, _ body: @escaping @Sendable (P) throws -> JSONValue)
        async throws -> JSONValue
    {
        let parameters: P = try params(request)
        return try await BlockingWork.run(name) { try body(parameters) }
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
            let reason =
                roles.isEmpty
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
