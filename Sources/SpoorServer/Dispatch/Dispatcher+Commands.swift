import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

extension Dispatcher {
    /// A domain command: decoded, its role settled (a denial on the record), then handed to the
    /// write path with the actor from the peer's credentials.
    func command(_ params: CommandParams, _ caller: Caller) async throws -> JSONValue {
        _ = try CaseStream.name(of: params.case)
        let command = try CaseCommand(name: params.command, caseID: params.case, body: params.body)
        let role = try await role(params.role, for: command, caller)
        let eventID = try Self.eventID(params.eventID)
        do {
            let result = try await commands.handle(command, case: params.case, eventID: eventID, actor: caller.actor, role: role,
                                                   mayRead: { caller.ground(for: $0, on: .today) != nil })
            metrics.command(params.command, failure: nil)
            return result
        } catch {
            metrics.command(params.command, failure: WireError.from(error).code)
            throw error
        }
    }

    /// The role the caller acts in: the one asked for, which it must hold, or else the first of
    /// its roles that may issue `command`.
    private func role(_ asked: String?, for command: CaseCommand, _ caller: Caller) async throws -> Role {
        let held = caller.principal.roles
        let permitted = Permissions.roles(for: command)
        if let asked {
            guard let role = Role(rawValue: asked) else {
                throw WireError(.invalidField, "\"\(asked)\" is not a role", field: "role")
            }
            guard held.contains(role) else {
                throw await system.denied(caller, method: command.action, reason: "\(caller.principal.name) does not hold the role \(asked)")
            }
            guard permitted.contains(role) else {
                throw await system.denied(caller, method: command.action, reason: DomainError.notPermitted(role: role, command: command.action).description)
            }
            return role
        }
        guard let role = held.first(where: permitted.contains) else {
            throw await system.denied(caller, method: command.action,
                               reason: "none of \(caller.principal.name)'s roles may \(command.action); it needs one of \(permitted.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        return role
    }

    private static func eventID(_ text: String?) throws(WireError) -> EventID {
        guard let text else { return EventID() }
        guard let id = EventID(text) else { throw WireError(.invalidField, "\"\(text)\" is not a UUID", field: "eventID") }
        return id
    }
}
