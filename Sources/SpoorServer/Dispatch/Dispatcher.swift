import Foundation
import Logging
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Turns requests into replies: authorises the caller, decodes the parameters strictly, and
/// hands the work to the ledger and the projections.
final class Dispatcher: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    /// The protocols adopted; new decisions follow the one in force.
    let protocols: AdoptedProtocols
    let adoption: ProtocolAdoption
    /// The write path of domain commands.
    let commands: CommandHandler
    let institution: Decider.Institution
    /// Where the protocol file is reread from on `protocol.reload`; `nil`: the built-in protocol.
    let protocolPath: String?
    /// Signs checkpoints; `nil` when the daemon has no signing key.
    let signer: CheckpointSigner?
    /// The cases' data keys, which seal their personal content.
    let keys: CaseKeys
    let statistics: ServerStatistics
    /// Bounds the denials each user puts on the record.
    let denials = DenialLimiter()
    let logger: Logger

    init(ledger: Ledger, projections: CaseProjection, institution: Decider.Institution, protocolPath: String?,
         signer: CheckpointSigner?, keys: CaseKeys, statistics: ServerStatistics, logger: Logger) {
        self.institution = institution
        self.protocolPath = protocolPath
        self.protocols = projections.protocols
        self.adoption = ProtocolAdoption(ledger: ledger, protocols: projections.protocols)
        self.commands = CommandHandler(ledger: ledger, projections: projections, keys: keys, protocols: projections.protocols, institution: institution)
        self.keys = keys
        self.ledger = ledger
        self.projections = projections
        self.signer = signer
        self.statistics = statistics
        self.logger = logger
    }

    /// A function that sends one reply line; a streaming method calls it more than once.
    typealias Reply = @Sendable (Response) async throws -> Void

    /// Serves `request`, sending its reply lines through `reply`. Never throws for the request's
    /// fault: every failure becomes a typed error line.
    func handle(_ request: Request, from caller: Caller, reply: @escaping Reply) async throws {
        do {
            try await authorise(request.method, caller)
            if let result = try await serve(request, caller, reply) {
                try await reply(.success(request.id, result))
            }
        } catch {
            let wireError = WireError.from(error)
            if wireError.code == .internal {
                logger.error("request \(request.method.rawValue) of \(caller.principal.name) failed: \(wireError.message)")
            }
            try await reply(.failure(request.id, wireError))
        }
    }

    /// Runs the method; a streaming method sends its lines itself and returns its final result.
    private func serve(_ request: Request, _ caller: Caller, _ reply: @escaping Reply) async throws -> JSONValue? {
        switch request.method {
        case .status: try status()
        case .caseCommand: try await command(try CommandParams(json: request.params), caller)
        case .caseShow: try await show(try params(request), caller)
        case .caseNext: try nextSteps(try params(request))
        case .registrationForm: try await registrationForm(try params(request), caller)
        case .worklist: try worklist(try params(request), caller)
        case .auditTrace: try trace(try params(request))
        case .stats: try stats(try params(request), caller)
        case .eventsTail: try await tail(try params(request), request.id, reply)
        case .projectionsRebuild: try await rebuild(request.id, reply)
        case .backup: try await backup(try params(request))
        case .auditCheckpoint: try checkpoint()
        case .auditProve: try prove(try params(request))
        case .auditConsistency: try consistency(try params(request))
        case .auditVerify: try verifyLog()
        case .subjectExport: try await export(try params(request), caller)
        case .retentionDue: try retentionDue(try params(request))
        case .retentionApply: try await retentionApply(try params(request), caller)
        case .keysRotate: try await rotateKeys(try params(request), caller)
        case .protocolShow: try showProtocol(try params(request))
        case .protocolReload: try await reloadProtocol(caller)
        case .accessLog: try accessLog(try params(request))
        case .accessReview: try await reviewEmergency(try params(request), caller)
        }
    }

    /// The roles that may call each method at all; commands are checked again, one by one,
    /// against the domain's permissions.
    static func roles(for method: SpoorProtocol.Method) -> Set<Role> {
        switch method {
        case .status, .stats, .caseCommand, .protocolShow: Set(Role.allCases)
        case .caseShow: Caller.careRoles.union([.auditor, .privacyOfficer])
        case .caseNext, .registrationForm: Caller.careRoles
        // The privacy officer's erasure requests are on it too; it names cases, no personal content.
        case .worklist: Caller.careRoles.union([.privacyOfficer])
        case .auditTrace: [.auditor, .attentionOfficer, .behaviouralScientist, .privacyOfficer]
        case .eventsTail: [.admin, .auditor]
        case .projectionsRebuild, .backup: [.admin]
        case .auditCheckpoint, .auditProve, .auditConsistency, .auditVerify:
            [.auditor, .admin, .attentionOfficer, .behaviouralScientist, .privacyOfficer]
        case .subjectExport, .retentionDue, .retentionApply, .accessReview: [.privacyOfficer]
        case .accessLog: [.privacyOfficer, .auditor]
        case .keysRotate, .protocolReload: [.admin]
        }
    }

    private func authorise(_ method: SpoorProtocol.Method, _ caller: Caller) async throws {
        let roles = caller.principal.roles
        guard !Self.roles(for: method).isDisjoint(with: roles) else {
            let reason = roles.isEmpty
                ? "user \(caller.principal.name) has no role in Spoor; ask an admin to add it to the configuration"
                : "\(method.rawValue) needs one of the roles \(Self.roles(for: method).map(\.rawValue).sorted().joined(separator: ", "))"
            throw await denied(caller, method: method.rawValue, reason: reason)
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

    /// Logs a denial, records it as a security event in the `system` stream, and returns the
    /// error to answer with.
    func denied(_ caller: Caller, method: String, reason: String) async -> WireError {
        let principal = caller.principal
        guard let unrecorded = denials.admit(uid: principal.uid) else {
            logger.warning("denied \(method) to \(principal.name) (uid \(principal.uid)): \(reason); not recorded: over the limit of denials on the record")
            return WireError(.denied, reason)
        }
        logger.warning("denied \(method) to \(principal.name) (uid \(principal.uid)): \(reason)")
        var record: [String: JSONValue] = ["method": .string(method), "reason": .string(reason),
                                           "roles": .array(principal.roles.map { .string($0.rawValue) })]
        if unrecorded > 0 { record["unrecordedBefore"] = .number(Double(unrecorded)) }
        do {
            try await recordInSystemStream("access-denied", .object(record), by: caller)
        } catch {
            logger.error("could not record the denial of \(method) to \(principal.name): \(error)")
        }
        return WireError(.denied, reason)
    }

    /// Appends a security event to the `system` stream, attributed to the caller, durably, with
    /// what `projector` keeps of it.
    func recordInSystemStream(_ type: String, _ payload: JSONValue, by caller: Caller, id: EventID = EventID(),
                              projector: InlineProjector? = nil) async throws {
        let principal = caller.principal
        _ = try await ledger.append(
            to: .system, events: [ProposedEvent(id: id, type: type, payload: payload.serialized)],
            metadata: AppendMetadata(actor: .init(uid: principal.uid, name: principal.name),
                                     role: principal.roles.first?.rawValue ?? "none"),
            projector: projector)
    }

    /// The day a request asks about, today by default.
    static func day(_ text: String?, field: String = "on") throws(WireError) -> Day {
        guard let text else { return .today }
        do { return try Day(parsing: text) } catch { throw WireError(.invalidField, error.description, field: field) }
    }
}
