/// Who may consent to a CoMensha registration: the youth from 16, a parent or guardian below it
/// (UAVG art. 5).
public enum ConsentParty: String, Codable, Sendable {
    case youth, parent, guardian

    /// The party whose consent counts for a youth of `age`.
    static func entitled(forAge age: Int) -> [ConsentParty] { age >= 16 ? [.youth] : [.parent, .guardian] }
}

public struct ConsentRequested: Codable, Sendable, Equatable {
    public var from: ConsentParty
    public var requestedOn: Day
}

public struct ConsentGiven: Codable, Sendable, Equatable {
    public var by: ConsentParty
    public var givenOn: Day
    /// CoMensha needs written consent from care professionals.
    public var inWriting: Bool
}

public struct ConsentRefused: Codable, Sendable, Equatable {
    public var by: ConsentParty
    public var refusedOn: Day
}

public struct ConsentWithdrawn: Codable, Sendable, Equatable {
    public var by: ConsentParty
    public var withdrawnOn: Day
}

/// An identifiable registration without consent, approved by a behavioural scientist (the actor).
public struct ConsentWaived: Codable, Sendable, Equatable {
    public enum Ground: String, Codable, Sendable {
        case askingWouldCauseHarm = "asking-would-cause-harm"
        case cannotReasonablyBeAsked = "cannot-reasonably-be-asked"
    }
    public var ground: Ground
    public var waivedOn: Day
    /// Sealed: the justification. Required to waive; gone once the case's personal data is erased.
    public var personal: Note?
}
