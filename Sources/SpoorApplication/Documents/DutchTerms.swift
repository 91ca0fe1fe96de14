import SpoorDomain

/// The words of the documents people outside IT read, in Dutch: CoMensha's own terms on its
/// registration form, never the internal English codes.
enum DutchTerms {
    static func gender(_ gender: YouthProfile.Gender) -> String {
        switch gender {
        case .female: "vrouw"
        case .male: "man"
        case .other: "anders"
        case .unknown: "onbekend"
        }
    }

    static func nationalityGroup(_ group: YouthProfile.NationalityGroup) -> String {
        switch group {
        case .dutch: "Nederlands"
        case .nonDutch: "niet-Nederlands"
        case .unknown: "onbekend"
        }
    }

    /// The forms of exploitation as CoMensha names them; a form the built-in catalogue does not
    /// know keeps its catalogue label.
    static func form(_ id: String, catalogue: Catalogue) -> String {
        forms[id] ?? catalogue.formsOfExploitation.first { $0.id == id }?.label ?? id
    }

    static let forms = [
        "sexual": "seksuele uitbuiting", "labour": "arbeidsuitbuiting", "criminal": "criminele uitbuiting",
        "organ-removal": "orgaanverwijdering", "financial": "financiële uitbuiting", "combination": "combinatie van vormen",
        "unknown": "onbekend",
    ]

    static let party: [ConsentParty: String] = [
        .youth: "de jongere", .parent: "een ouder", .otherParent: "de andere ouder", .guardian: "de voogd",
        .certifiedInstitution: "de gecertificeerde instelling",
    ]
}
