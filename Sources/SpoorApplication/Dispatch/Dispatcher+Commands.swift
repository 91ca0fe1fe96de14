import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

extension Dispatcher {
    /// A domain command: decoded, its role settled (a denial on the record), then handed to the
    /// write path with the actor from the peer's credentials.
    func command(_ params: CommandParams, _ caller: Caller) async throws -> JSONValue {
        let checked = try CheckedCase(params.case)  // the one check of the case id
        let command = try CaseCommand(name: params.command, caseID: params.case, body: params.body)
        let acting = try await acting(for: params.onBehalfOf, command, caller)
        let role = try await role(params.role, for: command, acting, caller)
        try Self.checkUnit(of: command, caller)
        let eventID = try Self.eventID(params.eventID)
        do {
            let result = try await commands.handle(
                command, case: checked, eventID: eventID, actor: caller.actor, role: role,
                onBehalfOf: params.onBehalfOf,
                mayRead: { acting.ground(for: $0, on: .today) != nil },
                mayWrite: Self.mayWrite(command, as: role, acting, rules: protocols.current))
            metrics.command(params.command, failure: nil)
            return result
        } catch is CommandHandler.NoGroundToWrite {
            metrics.command(params.command, failure: .denied)
            throw await system.denied(
                caller, method: command.action,
                reason: """
                    \(acting.principal.name) has no care relationship with case \(params.case) (its unit, an assignment, a forward or a \
                    consultation), the ground to read it and so to write to it: ask an officer to assign you
                    """)
        } catch {
            metrics.command(params.command, failure: WireError.from(error).code)
            throw error
        }
    }

    /// The role `acting` (the caller, or the user it vouches for) acts in: the one asked for,
    /// which it must hold, or else the first of its roles that may issue `command`. Denials are
    /// recorded against the caller.
    private func role(_ asked: String?, for command: CaseCommand, _ acting: Caller, _ caller: Caller) async throws -> Role {
        let held = acting.principal.roles
        let permitted = Permissions.roles(for: command)
        if let asked {
            guard let role = Role(rawValue: asked) else {
                throw WireError(.invalidField, "\"\(asked)\" is not a role", field: "role")
            }
            guard held.contains(role) else {
                throw await system.denied(caller, method: command.action, reason: "\(acting.principal.name) does not hold the role \(asked)")
            }
            guard permitted.contains(role) else {
                throw await system.denied(
                    caller, method: command.action, reason: DomainError.notPermitted(role: role, command: command.action).description)
            }
            return role
        }
        guard let role = held.first(where: permitted.contains) else {
            throw await system.denied(
                caller, method: command.action,
                reason:
                    """
                    none of \(acting.principal.name)'s roles may \(command.action); it needs one of \
                    \(permitted.map(\.rawValue).sorted().joined(separator: ", "))
                    """
            )
        }
        return role
    }

    /// A case belongs to a unit the configuration declares: a typo would orphan it from its carers.
    private static func checkUnit(of command: CaseCommand, _ caller: Caller) throws(WireError) {
        let unit: String? =
            switch command.event {
            case .caseOpened(let opened): opened.unit
            case .caseTransferred(let transfer): transfer.unit
            default: nil
            }
        guard let unit, !caller.knownUnits.isEmpty, !caller.knownUnits.contains(unit) else { return }
        let suggestion = NearMiss.suggestion(for: unit, among: caller.knownUnits).map { "; did you mean \($0)?" } ?? ""
        throw WireError(
            .invalidField,
            "\"\(unit)\" is not a unit of the configuration; the units are: \(caller.knownUnits.sorted().joined(separator: ", "))\(suggestion)",
            field: "unit")
    }

    /// A carer writes to a case on the grounds that let it read the case (its unit, an
    /// assignment, a forward or a consultation): a denial otherwise, on the record. The officers'
    /// commands that give or move those grounds (assign, unassign, transfer) are theirs to give,
    /// and a protocol may let any carer record a signal (`access.signalsWithoutGround`), which
    /// brings the recorder in. Judged in the command's turn, on the case as it decides on it.
    private static func mayWrite(_ command: CaseCommand, as role: Role, _ caller: Caller, rules: InstitutionProtocol) -> @Sendable (CaseState) -> Bool
    {
        switch command.event {
        case .caseOpened, .carerAssigned, .carerUnassigned, .caseTransferred: return { _ in true }
        case .signalRecorded where rules.access.signalsWithoutGround == true: return { _ in true }
        default:
            guard Caller.careRoles.contains(role) else { return { _ in true } }
            return { state in caller.ground(for: state, on: .today) != nil }
        }
    }

    private static func eventID(_ text: String?) throws(WireError) -> EventID {
        guard let text else { return EventID() }
        guard let id = EventID(text) else { throw WireError(.invalidField, "\"\(text)\" is not a UUID", field: "eventID") }
        return id
    }
}
