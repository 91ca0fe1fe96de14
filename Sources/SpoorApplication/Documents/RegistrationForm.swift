import SpoorDomain
import SpoorProtocol

/// A registration at CoMensha as a professional submits it: the fields CoMensha asks for, filled
/// in from what the case recorded, as JSON and as a readable document (in Dutch, as CoMensha's
/// own form is). Identifying fields appear only in an identifiable registration. A withdrawal of
/// the consent it rested on, not yet told, comes with the notice to send.
struct RegistrationForm {
    let caseID: String
    let number: Int
    let registration: RegisteredAtCoMensha
    let consents: [CaseState.PartyConsent]
    let withdrawal: CaseState.WithdrawalNotice?
    /// For the labels of forms the built-in catalogue does not know.
    let catalogue: Catalogue

    /// The withdrawal this registration's notice is about: one of consent it rested on.
    private var withdrawalToTell: CaseState.WithdrawalNotice? {
        guard registration.kind == .identifiable, registration.basis == .consent else { return nil }
        return withdrawal
    }

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
                form["consents"] = .array(
                    consents.filter { $0.status == .given }.map {
                        [
                            "party": .string($0.party.rawValue), "givenOn": .string($0.on.description),
                            "form": .string($0.form?.rawValue ?? "unknown"),
                            "purposes": .array($0.purposes.map { .string($0.rawValue) }),
                        ]
                    })
            }
            if let notice = withdrawalToTell {
                form["withdrawal"] = [
                    "party": .string(notice.party.rawValue), "withdrawnOn": .string(notice.due.since.description),
                    "tellBy": .string(notice.due.on.description), "responsible": .string(notice.due.responsible.rawValue),
                ]
            }
            return .object(form)
        }
    }

    var document: String {
        var lines = [
            "# Registratie bij CoMensha", "",
            "Casus \(caseID), registratie \(number), \(registration.registeredOn)", "",
            "- Soort: \(registration.kind == .identifiable ? "herleidbaar" : "niet-herleidbaar")",
            "- Doel: \(registration.effectivePurpose == .statistics ? "statistiek" : "zorgcoördinatie door CoMensha")",
            "- Grondslag: \(Self.basis[registration.basis] ?? registration.basis.rawValue)",
        ]
        if let reference = registration.reference { lines.append("- Kenmerk CoMensha: \(reference)") }
        if let supersedes = registration.supersedes {
            lines.append("- Vervangt de niet-herleidbare registratie van \(supersedes) (één jongere, één telling)")
        }
        if let identity = registration.personal {
            lines += [
                "", "## Identificerende gegevens", "",
                "- Naam: \(identity.name)", "- Geboortedatum: \(identity.birthDate)", "- Geslacht: \(DutchTerms.gender(identity.gender))",
                "- Nationaliteit: \(identity.nationality ?? "onbekend")", "- Geboorteland: \(identity.countryOfBirth ?? "onbekend")",
            ]
        }
        if let analytics = registration.analytics {
            lines += [
                "", "## Gegevens voor de slachtoffermonitor", "",
                """
                - Vorm(en) van uitbuiting: \
                \(registration.formsOfExploitation.map { DutchTerms.form($0, catalogue: catalogue) }.joined(separator: ", "))
                """,
                "- Leeftijd bij het eerste signaal: \(analytics.ageAtFirstSignal)",
                "- Geslacht: \(DutchTerms.gender(analytics.gender))", "- Nationaliteit: \(DutchTerms.nationalityGroup(analytics.nationalityGroup))",
                "- Regio: \(analytics.region ?? "niet ingesteld")", "- Registrerende organisatie: \(analytics.organisation ?? "niet ingesteld")",
            ]
        }
        if let notice = withdrawalToTell { lines += ["", "## Intrekking van toestemming", ""] + Self.notice(notice, registration) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The notice to CoMensha, in Dutch: the withdrawal does not undo the registration
    /// (AVG art. 7 lid 3), but the data may no longer be processed on that consent (art. 17, 19).
    private static func notice(_ notice: CaseState.WithdrawalNotice, _ registration: RegisteredAtCoMensha) -> [String] {
        [
            """
            Op \(notice.due.since) heeft \(DutchTerms.party[notice.party] ?? notice.party.rawValue) de toestemming ingetrokken waarop de \
            herleidbare \
            registratie van \(registration.registeredOn) berust\(registration.reference.map { " (kenmerk \($0))" } ?? "").
            """,
            "De registratie blijft geldig voor de tijd dat de toestemming gold (AVG artikel 7 lid 3).",
            """
            Wij vragen u de identificerende gegevens niet langer te gebruiken, ze te wissen of niet-herleidbaar te maken, \
            en ons te laten weten wanneer dat is gebeurd (AVG artikel 17 en 19).
            """,
            "Te versturen vóór \(notice.due.on).",
        ]
    }

    private static let basis: [RegisteredAtCoMensha.Basis: String] = [
        .consent: "uitdrukkelijke toestemming", .waiver: "zonder toestemming, goedgekeurd door een gedragswetenschapper",
        .none: "geen (niet-herleidbaar)",
    ]
}
