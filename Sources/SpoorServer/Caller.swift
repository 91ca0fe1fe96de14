import SpoorDomain

/// Who sent a request: the peer as the kernel names it, with its configured roles.
struct Caller: Sendable {
    var principal: Principal
    /// A number for the connection, for the logs.
    var connection: Int

    static let careRoles: Set<Role> = [.professional, .attentionOfficer, .behaviouralScientist]

    /// Whether the caller may read personal content: only those who care for the youth.
    var mayReadPersonalContent: Bool { !Self.careRoles.isDisjoint(with: principal.roles) }
}
