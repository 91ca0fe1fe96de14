import SpoorJSON
/// The youth as statistics may see them: no name, no birth date.
public struct YouthProfile: Codable, Sendable, Equatable {
    public enum Gender: String, CaseIterable, NamedValues, Codable, Sendable { case female, male, other, unknown }
    /// Dutch or not; which nationality is personal content.
    public enum NationalityGroup: String, CaseIterable, NamedValues, Codable, Sendable { case dutch, nonDutch = "non-dutch", unknown }

    public var gender: Gender
    public var nationalityGroup: NationalityGroup
    public var ageAtOpening: Int
    /// The nationality as an ISO 3166-1 alpha-2 code (`NL`, `RO`, `NG`), for the monitor's "which
    /// nationality"; like the group and the age, a count, not an identity.
    public var nationality: String?

    public init(gender: Gender, nationalityGroup: NationalityGroup, ageAtOpening: Int, nationality: String? = nil) {
        self.gender = gender
        self.nationalityGroup = nationalityGroup
        self.ageAtOpening = ageAtOpening
        self.nationality = nationality
    }
}

/// Who the youth is: sealed personal content, erasable.
public struct YouthIdentity: Codable, Sendable, Equatable {
    public var name: String
    public var birthDate: Day
    public var clientNumber: String?
    public var birthplace: String?
    public var nationality: String?
    /// Asked by CoMensha to avoid double counts.
    public var countryOfBirth: String?

    public init(
        name: String, birthDate: Day, clientNumber: String? = nil, birthplace: String? = nil, nationality: String? = nil,
        countryOfBirth: String? = nil
    ) {
        self.name = name
        self.birthDate = birthDate
        self.clientNumber = clientNumber
        self.birthplace = birthplace
        self.nationality = nationality
        self.countryOfBirth = countryOfBirth
    }
}

extension CaseOpened {
    /// A case id: 1 to 64 characters a-z, 0-9 and -.
    static func checkID(_ id: String) throws(DomainError) {
        guard !id.isEmpty, id.utf8.count <= 64, id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D })
        else { throw .invalidField("caseID", "use 1 to 64 characters a-z, 0-9 and -") }
    }
}

public struct CaseOpened: Codable, Sendable, Equatable {
    public var caseID: String
    /// The organisational unit, a dimension of the statistics.
    public var unit: String
    public var openedOn: Day
    public var youth: YouthProfile
    /// Sealed.
    public var personal: YouthIdentity?
}

public struct CaseClosed: Codable, Sendable, Equatable {
    public enum Reason: String, CaseIterable, NamedValues, Codable, Sendable {
        case concernsResolved = "concerns-resolved", careEnded = "care-ended", transferred, other
    }
    public var closedOn: Day
    public var reason: Reason
    /// The obligations still open when the case is closed anyway: all of them, named.
    public var openObligations: [CaseState.Obligation]?
    /// Sealed: why the case is closed with obligations open.
    public var personal: Note?
}

/// An officer records that another case is of the same youth (`same: true`), or is not, whatever
/// the blind index found (`same: false`): the statistics count the youth once, and a registration
/// in either case counts for both.
public struct CasesLinked: Codable, Sendable, Equatable {
    public var otherCase: String
    public var same: Bool
    public var linkedOn: Day
    /// Sealed: how it is known.
    public var personal: Note?

    public init(otherCase: String, same: Bool, linkedOn: Day, personal: Note? = nil) {
        (self.otherCase, self.same, self.linkedOn, self.personal) = (otherCase, same, linkedOn, personal)
    }
}

/// The case moves to another unit, whose carers care for it from then on.
public struct CaseTransferred: Codable, Sendable, Equatable {
    public var unit: String
    public var transferredOn: Day
    /// Sealed: why.
    public var personal: Note?

    public init(unit: String, transferredOn: Day, personal: Note? = nil) {
        (self.unit, self.transferredOn, self.personal) = (unit, transferredOn, personal)
    }
}

public struct CaseReopened: Codable, Sendable, Equatable {
    public var reopenedOn: Day
}
