import SpoorDomain
import SpoorProtocol

/// A command an integration (the client record system) sends for a carer: the actor stays the
/// integration's OS user, from its peer credentials; `onBehalfOf` names the carer it vouches for,
/// in whose roles, units and care relationships the command is judged. ARCHITECTURE.md, "Who acted".
extension Dispatcher {
    /// The roles a delegate may never act for: those who answer for the log itself act in person.
    static let actInPerson: Set<Role> = [.admin, .auditor, .privacyOfficer, .delegate]

    /// Who the command is judged as: the caller, or the user it vouches for. Every refusal is a
    /// denial on the record (77) that names which of the two lacked what.
    func acting(for onBehalfOf: String?, _ command: CaseCommand, _ caller: Caller) async throws -> Caller {
        guard let onBehalfOf else { return caller }
        let delegate = caller.principal.name
        guard caller.principal.roles.contains(.delegate) else {
            throw await system.denied(
                caller, method: command.action,
                reason: "\(delegate) may not act on behalf of \(onBehalfOf): it does not hold the role delegate")
        }
        guard onBehalfOf != delegate, let person = users.principal(named: onBehalfOf, through: caller.principal.uid) else {
            throw await system.denied(
                caller, method: command.action,
                reason: "\(delegate) may not act on behalf of \(onBehalfOf): \(onBehalfOf) is not a user of the configuration")
        }
        if let role = person.roles.first(where: Self.actInPerson.contains) {
            throw await system.denied(
                caller, method: command.action,
                reason: "\(delegate) may not act on behalf of \(onBehalfOf): \(onBehalfOf) holds the role \(role.rawValue), and acts in person")
        }
        var acting = caller
        acting.principal = person
        return acting
    }
}
