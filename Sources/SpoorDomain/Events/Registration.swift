import SpoorJSON
/// Registration of a (possible) victim at CoMensha, the national registry. What it sends is taken
/// from the case, never typed again: the identifying fields from the case's sealed identity (in
/// `personal`, sealed and erasable), the analytic ones from its skeleton.
public struct RegisteredAtCoMensha: Codable, Sendable, Equatable {
    public enum Kind: String, CaseIterable, NamedValues, Codable, Sendable { case identifiable, nonIdentifiable = "non-identifiable" }
    /// What made an identifiable registration lawful.
    public enum Basis: String, CaseIterable, NamedValues, Codable, Sendable { case consent, waiver, none }
    /// The research report (§6.2) separates "registratie bij CoMensha ten behoeve van statistiek"
    /// from "melding ten behoeve van zorgcoördinatie door CoMensha".
    public enum Purpose: String, Codable, Sendable, CaseIterable, NamedValues { case statistics, careCoordination = "care-coordination" }

    /// What CoMensha asks "om dubbeltellingen tegen te gaan": naam, geboortedatum, geslacht,
    /// nationaliteit en geboorteland (§6.1). A non-identifiable registration sends none of them.
    public static let identifyingFields = ["name", "birth-date", "gender", "nationality", "country-of-birth"]
    /// The analytic fields every registration sends. Older events may name `birthplace` and `age` too.
    public static let analyticFields = ["form-of-exploitation", "age-at-first-signal", "gender", "nationality-group", "region", "organisation"]

    /// The analytic fields as sent: the slachtoffermonitor's dimensions.
    public struct Analytics: Codable, Sendable, Equatable {
        public var ageAtFirstSignal: Int
        public var gender: YouthProfile.Gender
        public var nationalityGroup: YouthProfile.NationalityGroup
        public var region: String?
        public var organisation: String?
    }

    /// The identifying fields as sent.
    public struct Identity: Codable, Sendable, Equatable {
        public var name: String
        public var birthDate: Day
        public var gender: YouthProfile.Gender
        public var nationality: String?
        public var countryOfBirth: String?
    }

    public var kind: Kind
    public var basis: Basis
    /// `nil` in events recorded before purposes: statistics.
    public var purpose: Purpose?
    public var registeredOn: Day
    /// Set by the case: the names of the fields sent.
    public var fieldsSent: [String]
    /// Set by the case: the forms of its active signals.
    public var formsOfExploitation: [String]
    /// Set by the case.
    public var analytics: Analytics?
    /// Set by the case: the day of the non-identifiable registration this one replaces (one youth, one count).
    public var supersedes: Day?
    public var reference: String?
    /// Set by the case: the day of this youth's registration in another case that this one
    /// follows as a new episode, by the protocol's `registration.newEpisode`.
    public var newEpisodeAfter: Day?
    /// Set by the case, sealed: the identifying fields sent.
    public var personal: Identity?

    public var effectivePurpose: Purpose { purpose ?? .statistics }
}

/// CoMensha was told that a party withdrew the consent an identifiable registration rested on
/// (AVG art. 7(3): the withdrawal does not undo the registration, but the recipient is told).
public struct WithdrawalNotified: Codable, Sendable, Equatable {
    public var notifiedOn: Day
    /// CoMensha's reference of the notice, if it gave one.
    public var reference: String?

    public init(notifiedOn: Day, reference: String? = nil) { (self.notifiedOn, self.reference) = (notifiedOn, reference) }
}

/// CoMensha knows the youth already from another registrant: the obligation is met, and this
/// institution's registration would count the youth twice.
public struct RegisteredElsewhere: Codable, Sendable, Equatable {
    /// Police, KMar and the labour inspectorate register by law; the care coordinator is one of CoMensha's main registrants.
    public enum Registrant: String, CaseIterable, NamedValues, Codable, Sendable {
        case police, kmar, labourInspectorate = "labour-inspectorate", careCoordinator = "care-coordinator", otherOrganisation = "other-organisation"
    }
    public var registrant: Registrant
    public var learnedOn: Day
    public var reference: String?
}

/// Why a registration that was due is not made, from a closed list, so that the reasons can be counted.
public struct RegistrationDeclined: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable, CaseIterable, NamedValues {
        /// The last weighing answered question 1 (suspicion) no.
        case suspicionDropped = "suspicion-dropped"
        /// What was found is harm of another kind than trafficking.
        case otherFormOfHarm = "other-form-of-harm"
        /// The institution registered the youth for an earlier case.
        case registeredInEarlierCase = "registered-in-earlier-case"
    }
    public var reason: Reason
    public var declinedOn: Day
    /// Sealed: the explanation.
    public var personal: Note?
}
