import SpoorJSON
/// The roles of DOMAIN.md. A person may hold several; each command is issued in one.
public enum Role: String, Codable, CaseIterable, NamedValues, Sendable {
    /// Jeugdhulpverlener: records signals, consultations and conversations.
    case professional
    /// Aandachtsfunctionaris: owns the meldcode, contacts Veilig Thuis, may register at CoMensha.
    case attentionOfficer = "attention-officer"
    /// Gedragswetenschapper: weighs, decides, approves a consent waiver.
    case behaviouralScientist = "behavioural-scientist"
    /// Traces who did what when; sees no personal content and appends no case events.
    case auditor
    /// Functionaris gegevensbescherming: erasure and subject access.
    case privacyOfficer = "privacy-officer"
    /// Runs the service; sees no personal content and appends no case events.
    case admin
    /// A monitoring account (the metrics timer): reads the daemon's health and metrics, nothing of cases.
    case monitor
    /// An integration's OS user (the client record system): issues case commands on behalf of a
    /// carer of the configuration it vouches for, in a role that carer holds; nothing else.
    case delegate
    /// The national relay's OS user (spoor-relay): reads the log's public parts (checkpoints,
    /// proofs, events without their sealed content) and hands back what the national side
    /// returns: the witness's cosignatures. Never plaintext.
    case relay

    /// The role in words: "behavioural scientist".
    public var inWords: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}
