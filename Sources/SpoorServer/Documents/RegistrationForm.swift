import SpoorDomain
import SpoorProtocol

/// A registration at CoMensha as a professional submits it: the fields CoMensha asks for, filled
/// in from what the case recorded, as JSON and as a readable document (in Dutch, as CoMensha's
/// own form is). Identifying fields appear only in an identifiable registration.
struct RegistrationForm {
    let caseID: String
    let number: Int
    let registration: RegisteredAtCoMensha
    let consents: [CaseState.PartyConsent]

    var json: JSONValue {
        get throws {
        var form: [String: JSONValue] = [
            "case": .string(caseID), "registration": .number(Double(number)), "kind": .string(registration.kind.rawValue),
            "basis": .string(registration.basis.rawValue), "purpose": .string(registration.effectivePurpose.rawValue),
            "registeredOn": .string(registration.registeredOn.description), "fieldsSent": .array(registration.fieldsSent.map(JSONValue.string)),
            "formsOfExploitation": .array(registration.formsOfExploitation.map(JSONValue.string)),
        ]
        form["reference"] = registration.reference.map(JSONValue.string)
        form["supersedes"] = registration.supersedes.map { .string($0.description) }
        form["analytic"] = try registration.analytics.map { try JSONValue(encoding: $0) }
        form["identifying"] = try registration.personal.map { try JSONValue(encoding: $0) }
        if registration.basis == .consent {
            form["consents"] = .array(consents.filter { $0.status == .given }.map {
                ["party": .string($0.party.rawValue), "givenOn": .string($0.on.description), "form": .string($0.form?.rawValue ?? "unknown")]
            })
        }
        return .object(form)
        }
    }

    var document: String {
        var lines = ["# Registratie bij CoMensha", "",
                     "Casus \(caseID), registratie \(number), \(registration.registeredOn)", "",
                     "- Soort: \(registration.kind == .identifiable ? "herleidbaar" : "niet-herleidbaar")",
                     "- Doel: \(registration.effectivePurpose == .statistics ? "statistiek" : "zorgcoördinatie door CoMensha")",
                     "- Grondslag: \(Self.basis[registration.basis] ?? registration.basis.rawValue)"]
        if let reference = registration.reference { lines.append("- Kenmerk CoMensha: \(reference)") }
        if let supersedes = registration.supersedes {
            lines.append("- Vervangt de niet-herleidbare registratie van \(supersedes) (één jongere, één telling)")
        }
        if let identity = registration.personal {
            lines += ["", "## Identificerende gegevens", "",
                      "- Naam: \(identity.name)", "- Geboortedatum: \(identity.birthDate)", "- Geslacht: \(identity.gender.rawValue)",
                      "- Nationaliteit: \(identity.nationality ?? "onbekend")", "- Geboorteland: \(identity.countryOfBirth ?? "onbekend")"]
        }
        if let analytics = registration.analytics {
            lines += ["", "## Gegevens voor de slachtoffermonitor", "",
                      "- Vorm(en) van uitbuiting: \(registration.formsOfExploitation.joined(separator: ", "))",
                      "- Leeftijd bij het eerste signaal: \(analytics.ageAtFirstSignal)",
                      "- Geslacht: \(analytics.gender.rawValue)", "- Nationaliteit: \(analytics.nationalityGroup.rawValue)",
                      "- Regio: \(analytics.region ?? "niet ingesteld")", "- Registrerende organisatie: \(analytics.organisation ?? "niet ingesteld")"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let basis: [RegisteredAtCoMensha.Basis: String] = [
        .consent: "uitdrukkelijke toestemming", .waiver: "zonder toestemming, goedgekeurd door een gedragswetenschapper", .none: "geen (niet-herleidbaar)",
    ]
}
