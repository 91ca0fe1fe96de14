import SpoorJSON
/// Meldcode step 2: collegiale consultatie.
public struct ConsultationHeld: Codable, Sendable, Equatable {
    public var signalIDs: [String]
    public var heldOn: Day
    /// Catalogue ids of the parties consulted, e.g. `attention-officer`, `veilig-thuis-advice`.
    public var parties: [String]
    /// Sealed: the advice given.
    public var personal: Note?
}

/// Meldcode step 3: the talk with the youth and/or parents.
public struct ConversationHeld: Codable, Sendable, Equatable {
    public enum Participant: String, CaseIterable, NamedValues, Codable, Sendable { case youth, parents, guardian }
    public var signalIDs: [String]
    public var heldOn: Day
    public var participants: [Participant]
    /// Sealed: what was said.
    public var personal: Note?
}

/// Meldcode step 3 skipped, which the law allows for these reasons only.
public struct ConversationSkipped: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable, CaseIterable, NamedValues {
        case safetyOfChild = "safety-of-child"
        case safetyOfProfessional = "safety-of-professional"
        case safetyOfOthers = "safety-of-others"
        case riskOfLosingContact = "risk-of-losing-contact"
    }
    public var signalIDs: [String]
    public var decidedOn: Day
    public var reason: Reason
    /// Sealed: the circumstances.
    public var personal: Note?
}
