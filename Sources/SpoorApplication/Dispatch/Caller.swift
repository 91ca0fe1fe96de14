import SpoorDomain
import SpoorProof

/// Who sent a request: the peer as the kernel names it, with its configured roles.
package struct Caller: Sendable {
    /// A connection's peer, named once at connect (a passwd lookup is not per request); its roles
    /// are read per request, so that a reload of the configuration applies at once.
    package struct Peer: Sendable, CustomStringConvertible {
        package var uid: UInt32
        package var name: String
        package var connection: Int

        package var description: String { "\(name) (uid \(uid))" }
    }

    var principal: Principal
    /// The protocol's units by role, for who cares for which cases.
    var access: InstitutionProtocol.AccessRules
    /// A number for the connection, for the logs.
    var connection: Int
    /// The units the configuration declares; empty: any (``UserDirectory/declaredUnits``).
    var knownUnits: Set<String> = []

    static let careRoles: Set<Role> = [.professional, .attentionOfficer, .behaviouralScientist]

    /// The actor the caller's events are attributed to: the peer's OS identity, never what it says.
    var actor: AppendMetadata.Actor { AppendMetadata.Actor(uid: principal.uid, name: principal.name) }

    /// Whether the caller holds a role that may read personal content at all: one that cares for
    /// youths. Which cases it may read is `ground(for:)`'s.
    var mayReadPersonalContent: Bool { !Self.careRoles.isDisjoint(with: principal.roles) }

    /// Whether the caller cares for the cases of `unit`: its own units, or its roles' by the protocol.
    func caresFor(unit: String) -> Bool { principal.caresFor(unit: unit) || access.rolesCare(principal.roles, for: unit) }

    /// Why the caller may read the personal content of a case with these ties on `day`, short of an emergency.
    func ground(unit: String, carers: [String], relationships: [CaseState.Relationship], meldcodeOpen: Bool, on day: Day) -> AccessGround? {
        let caresForUnit = caresFor(unit: unit)
        return AccessGround.of(
            user: principal.name, roles: Set(principal.roles), caresForUnit: caresForUnit,
            carers: carers, relationships: relationships, meldcodeOpen: meldcodeOpen, on: day)
    }

    func ground(for state: CaseState, on day: Day) -> AccessGround? {
        ground(
            unit: state.unit, carers: state.carers, relationships: state.relationships,
            meldcodeOpen: state.signals.anyUndecided, on: day)
    }

    func ground(for digest: CaseDigest, on day: Day) -> AccessGround? {
        ground(
            unit: digest.unit, carers: digest.carers, relationships: digest.relationships,
            meldcodeOpen: digest.activeSignals.contains { $0.step != .decided }, on: day)
    }
}
