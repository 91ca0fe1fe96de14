/// Which role may issue which command. Auditors and admins append no case events at all.
public enum Permissions {
    /// The roles that care for the youth and take the meldcode's steps.
    public static let care: Set<Role> = [.professional, .attentionOfficer, .behaviouralScientist]
    /// The roles that close cases, register, and approve waivers (the protocol says which of them approves).
    public static let officers: Set<Role> = [.attentionOfficer, .behaviouralScientist]

    /// The roles allowed to issue `command`: its kind's, in the catalogue.
    public static func roles(for command: CaseCommand) -> Set<Role> { command.kind.roles }

    public static func check(_ role: Role, may command: CaseCommand) throws(DomainError) {
        guard roles(for: command).contains(role) else { throw .notPermitted(role: role, command: command.action) }
    }
}
