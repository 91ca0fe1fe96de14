/// The language of the pages people outside IT read (the statistics page, the audit trail, the
/// printed decision tree): Dutch by default, as the letters are, with the meldcode's and
/// CoMensha's own terms; English on request (`--language en`).
public enum PageLanguage: String, CaseIterable, Sendable {
    case nl, en

    /// `dutch` in Dutch, `english` in English.
    public func say(_ dutch: String, _ english: String) -> String { self == .nl ? dutch : english }

    /// A deadline's length: "10 werkdagen", "10 working days".
    public func period(_ period: InstitutionProtocol.Period) -> String {
        guard self == .nl else { return period.description }
        if let working = period.workingDays { return working == 1 ? "1 werkdag" : "\(working) werkdagen" }
        return period.days == 1 ? "1 dag" : "\(period.days ?? 0) dagen"
    }

    /// A role as the meldcode names it.
    public func role(_ role: Role) -> String {
        switch role {
        case .professional: say("jeugdhulpverlener", "professional")
        case .attentionOfficer: say("aandachtsfunctionaris", "attention officer")
        case .behaviouralScientist: say("gedragswetenschapper", "behavioural scientist")
        case .auditor: say("controleur", "auditor")
        case .privacyOfficer: say("functionaris gegevensbescherming", "privacy officer")
        case .admin: say("beheerder", "admin")
        case .monitor: say("bewakingsaccount", "monitor")
        case .delegate: say("gekoppeld systeem", "linked system")
        case .relay: say("landelijke koppeling", "national relay")
        }
    }
}
