import SpoorJSON
/// A party whose consent may count for a CoMensha registration. Which of them must consent depends
/// on the youth's age on the day (``ConsentTable``): the youth, and the parents or the guardian
/// with parental authority (gezag).
public enum ConsentParty: String, Codable, Sendable, CaseIterable, NamedValues, Comparable {
    case youth
    /// A parent with authority: the first one asked.
    case parent
    /// The other parent with authority, kept apart so that one parent's consent never covers the other's refusal.
    case otherParent = "other-parent"
    /// The guardian (voogd) with authority.
    case guardian
    /// A certified institution (gecertificeerde instelling) holding guardianship.
    case certifiedInstitution = "certified-institution"

    /// Parents and the guardian: the legal representatives.
    public var isRepresentative: Bool { self != .youth }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// Who holds parental authority (gezag) over the youth, and so answers for the representatives'
/// side: both parents, one parent, a guardian (voogd), or a certified institution. A guardian or
/// an institution excludes the parents (BW art. 1:245, 1:253q, 1:302).
public struct AuthorityRecorded: Codable, Sendable, Equatable {
    public var holders: [ConsentParty]
    public var recordedOn: Day
    /// Sealed: how it is known (a court decision, the register of authority).
    public var personal: Note?

    public init(holders: [ConsentParty], recordedOn: Day, personal: Note? = nil) {
        (self.holders, self.recordedOn, self.personal) = (holders, recordedOn, personal)
    }

    /// The sets of holders the law knows.
    static let lawful: [Set<ConsentParty>] = [[.parent, .otherParent], [.parent], [.otherParent], [.guardian], [.certifiedInstitution]]
}

public struct ConsentRequested: Codable, Sendable, Equatable {
    public var from: ConsentParty
    public var requestedOn: Day
    /// What the consent is asked for; `nil` in requests recorded before, and where not said.
    public var purposes: [RegisteredAtCoMensha.Purpose]?

    public init(from: ConsentParty, requestedOn: Day, purposes: [RegisteredAtCoMensha.Purpose]? = nil) {
        (self.from, self.requestedOn, self.purposes) = (from, requestedOn, purposes)
    }
}

/// Explicit (uitdrukkelijke) consent of one party.
public struct ConsentGiven: Codable, Sendable, Equatable {
    /// How the consent was made explicit: in writing, or spoken and recorded by the professional.
    public enum Form: String, CaseIterable, NamedValues, Codable, Sendable { case written, spoken }

    public var by: ConsentParty
    public var givenOn: Day
    /// Required since the consent rules were made per party; `nil` in events recorded before.
    public var form: Form?
    /// Events recorded before `form` said only whether the consent was in writing.
    public var inWriting: Bool?
    /// What the consent is for (AVG art. 6(1)(a), 9(2)(a): consent is given for a purpose); required
    /// since consent was made per purpose. `nil` in events recorded before: statistics only.
    public var purposes: [RegisteredAtCoMensha.Purpose]?

    public init(by: ConsentParty, givenOn: Day, form: Form? = nil, inWriting: Bool? = nil, purposes: [RegisteredAtCoMensha.Purpose]? = nil) {
        (self.by, self.givenOn, self.form, self.inWriting, self.purposes) = (by, givenOn, form, inWriting, purposes)
    }

    /// The purposes the consent covers; one recorded before purposes covers statistics only.
    public var coveredPurposes: [RegisteredAtCoMensha.Purpose] { purposes ?? [.statistics] }

    /// The recorded form; an old event not in writing has none, so it does not count as explicit.
    public var explicitForm: Form? { form ?? (inWriting == true ? .written : nil) }
}

public struct ConsentRefused: Codable, Sendable, Equatable {
    public var by: ConsentParty
    public var refusedOn: Day
}

public struct ConsentWithdrawn: Codable, Sendable, Equatable {
    public var by: ConsentParty
    public var withdrawnOn: Day
}

/// The grounds a waiver is asked on. The research report (§6.2) names two for an identifiable
/// registration without consent; BW art. 7:458 lets only `unable-to-consent` serve one
/// (``WaiverLaw``): the others are kept so that old events replay, and serve no new registration. (§6.2:
/// "in redelijkheid niet in staat is om toestemming te geven, of in redelijkheid niet verlangd kan
/// worden dat de toestemming wordt gevraagd").
public enum WaiverGround: String, CaseIterable, NamedValues, Codable, Sendable {
    case unableToConsent = "unable-to-consent"
    case cannotReasonablyBeAsked = "cannot-reasonably-be-asked"
    /// Recorded before the grounds were split; read as `cannotReasonablyBeAsked` for psychological harm.
    case askingWouldCauseHarm = "asking-would-cause-harm"
}

/// What asking for consent would cause, named for the ground `cannot-reasonably-be-asked`.
public enum WaiverHarm: String, CaseIterable, NamedValues, Codable, Sendable {
    /// The research's example: "als het vragen van toestemming leidt tot psychische schade".
    case psychologicalHarm = "psychological-harm"
    /// Asking would endanger the youth or others, e.g. when the parents are involved in the exploitation.
    case danger
    /// Asking would make the youth break off contact with care.
    case lossOfContact = "loss-of-contact"
}

/// The grounds on which a youth of 12 to 15 may be registered with its own consent against the
/// parents' refusal, modelled on BW art. 7:450 lid 2 (written for treatment, applied to sharing by
/// analogy, as the professional codes do).
public enum ParentalOverrideGround: String, Codable, Sendable, CaseIterable, NamedValues {
    /// "kennelijk nodig om ernstig nadeel voor de minderjarige te voorkomen".
    case seriousHarm = "serious-harm"
    /// "de minderjarige ook na de weigering van de toestemming, de verrichting weloverwogen blijft wensen".
    case youthPersists = "youth-persists"
}

/// Someone in care asks that the youth's own consent count against the parents' refusal.
public struct ParentalOverrideRequested: Codable, Sendable, Equatable {
    public var ground: ParentalOverrideGround
    /// The article the institution's jurist relies on, as the request names it: a citation, not
    /// free text, since auditors read it unsealed (the reasons go in the sealed justification).
    public var article: String
    public var requestedOn: Day
    /// Sealed: why, case by case.
    public var personal: Note?

    public init(ground: ParentalOverrideGround, article: String, requestedOn: Day, personal: Note?) {
        (self.ground, self.article, self.requestedOn, self.personal) = (ground, article, requestedOn, personal)
    }

    /// Whether `text` reads as a citation, as the schema's pattern has it: up to 60 letters, digits,
    /// spaces and `.:,()/§-`, with a number in it.
    static func isCitation(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .:,()/§-")
        return (1...60).contains(text.count) && text.allSatisfy(allowed.contains) && text.contains(where: \.isNumber)
    }
}

/// A behavioural scientist, not the requester, decides that the youth's consent counts.
public struct ParentalRefusalOverridden: Codable, Sendable, Equatable {
    public var ground: ParentalOverrideGround
    public var decidedOn: Day
    /// Sealed: the decider's note.
    public var personal: Note?

    public init(ground: ParentalOverrideGround, decidedOn: Day, personal: Note? = nil) {
        (self.ground, self.decidedOn, self.personal) = (ground, decidedOn, personal)
    }
}

/// The first pair of eyes: someone in care asks to register identifiably without consent.
public struct ConsentWaiverRequested: Codable, Sendable, Equatable {
    public var ground: WaiverGround
    /// Required for `cannot-reasonably-be-asked`.
    public var harm: WaiverHarm?
    public var requestedOn: Day
    /// Sealed: the justification, case by case ("geldt niet bij voorbaat voor ieder slachtoffer").
    public var personal: Note?
}

/// The second pair of eyes: a behavioural scientist, not the requester, approves the waiver (the
/// event's actor). It allows one identifiable registration, until `validUntil`.
public struct ConsentWaived: Codable, Sendable, Equatable {
    public var ground: WaiverGround
    public var waivedOn: Day
    /// Set by the case: the last day the waiver may be used. `nil` in events recorded before waivers lapsed.
    public var validUntil: Day?
    /// Sealed: the approver's note; events recorded before requests held the justification here.
    public var personal: Note?
}
