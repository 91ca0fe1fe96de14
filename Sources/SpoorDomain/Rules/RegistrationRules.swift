/// The rules that make a CoMensha registration happen on time and lawfully, as data with their
/// sources: the consent table, how long an approved waiver may be used, and by when a
/// registration is due once the case calls for one. The institution's protocol file will hold them.
public struct RegistrationRules: Sendable, Equatable {
    public var consent: ConsentTable
    /// Days an approved waiver may be used for its one registration.
    public var waiverValidDays: Int
    /// Working days from the first event that calls for a registration to its deadline.
    public var dueWithinWorkingDays: Int
    /// Where the two numbers come from.
    public var source: String

    public init(consent: ConsentTable, waiverValidDays: Int, dueWithinWorkingDays: Int, source: String) {
        self.consent = consent
        self.waiverValidDays = waiverValidDays
        self.dueWithinWorkingDays = dueWithinWorkingDays
        self.source = source
    }

    /// The role that registers: the attention officer "may register at CoMensha" (DOMAIN.md, roles).
    public static let responsibleRole = Role.attentionOfficer

    public static let standard = RegistrationRules(
        consent: .standard, waiverValidDays: 30, dueWithinWorkingDays: 10,
        source: "Spoor's default agreement: the research (§6.4) finds it is not clear \"welke partij er verantwoordelijk is voor het doorzetten van signalen en op welk moment\"; the institution sets its own")

    /// The last day for a registration that became due on `day`.
    public func deadline(dueSince day: Day) -> Day { day.adding(workingDays: dueWithinWorkingDays) }
}
