/// Why a carer may read a case's personal content: the behandelrelatie of Dutch care practice
/// (NEN 7513) and the AVG's minimisation. A carer reads the cases of their units, the cases
/// assigned to them, and the cases a forward or consultation brought their role into; any other
/// read is an emergency, recorded with its reason and reviewed by the privacy officer.
public enum AccessGround: String, Sendable, CaseIterable {
    case unit, assignment, relationship, emergency

    /// The ground a user has, without an emergency, or `nil`: none, or no care role at all. A role
    /// brought in by a forward or consultation reads while a signal's meldcode steps are open
    /// (`meldcodeOpen`), and for the protocol's period after.
    public static func of(
        user: String, roles: Set<Role>, caresForUnit: Bool, carers: [String],
        relationships: [CaseState.Relationship], meldcodeOpen: Bool, on day: Day
    ) -> AccessGround? {
        guard !Permissions.care.isDisjoint(with: roles) else { return nil }
        if caresForUnit { return .unit }
        if carers.contains(user) { return .assignment }
        if relationships.contains(where: { $0.holds(for: user, roles: roles) && (meldcodeOpen || day <= $0.until) }) { return .relationship }
        return nil
    }
}
