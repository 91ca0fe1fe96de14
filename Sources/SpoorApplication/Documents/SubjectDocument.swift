import SpoorDomain
import SpoorProtocol

/// The export of a case as a letter a youth or a parent can read: in Dutch at a plain reading
/// level (B1) by default, or in English; what was recorded, in order, in sentences rather than
/// field names; what the steps mean; who read the file and why; and how to have it corrected or
/// erased. Young people do not recognise themselves in the word "slachtoffer" (victim), so the
/// letter does not use it.
struct SubjectDocument {
    typealias Language = PageLanguage

    let language: Language
    let catalogue: Catalogue
    /// Who reads the letter, and the article that gives them access.
    var reader: SubjectAccess.Reader = .youth
    var ground = ""

    func markdown(case view: JSONValue, events: [JSONValue], reads: [JSONValue], withheld: Int = 0) -> String {
        var lines = [say("# Jouw dossier: \(text(view["case"]))", "# Your file: \(text(view["case"]))"), ""]
        lines += [readerLine, ""]
        if withheld > 0 {
            lines += [
                say(
                    """
                    \(withheld) \(withheld == 1 ? "notitie" : "notities") van medewerkers \(withheld == 1 ? "is" : "zijn") weggelaten, omdat ze \
                    ook over andere mensen kunnen gaan (\(Self.articles(SubjectAccess.withholdingSource))). Wil je ze toch lezen? Vraag de \
                    functionaris gegevensbescherming ze na te kijken.
                    """,
                    """
                    \(withheld) \(withheld == 1 ? "note" : "notes") by staff \(withheld == 1 ? "was" : "were") left out, because they may be \
                    about other people too (\(SubjectAccess.withholdingSource)). Want to read them anyway? Ask the data protection officer \
                    to check them.
                    """
                ), "",
            ]
        }
        if let personal = view["personal"]?.object {
            lines += [
                say(
                    "Dit dossier gaat over **\(text(personal["name"]))**, geboren op \(text(personal["birthDate"])).",
                    "This file is about **\(text(personal["name"]))**, born on \(text(personal["birthDate"])).")
            ]
            let details: [(String, String, String)] = [
                ("clientNumber", "Clientnummer", "Client number"), ("birthplace", "Geboorteplaats", "Place of birth"),
                ("nationality", "Nationaliteit", "Nationality"), ("countryOfBirth", "Geboorteland", "Country of birth"),
            ]
            for (key, dutch, english) in details where personal[key] != nil {
                lines.append("- \(say(dutch, english)): \(text(personal[key]))")
            }
        } else if view["erased"] == true {
            lines += [
                say(
                    "Je persoonlijke gegevens in dit dossier zijn gewist. Wat overblijft, zegt niet wie je bent.",
                    "The personal details in this file were erased. What is left does not say who you are.")
            ]
        }
        lines += ["", say("## Wat er is opgeschreven", "## What was written down"), ""]
        for event in events {
            // The day it happened, as the person recorded it; the log's own day where there is none.
            let happened = EventKind.named(text(event["type"])).flatMap { event["payload"]?[$0.dayField]?.string }
            let day = happened ?? String(text(event["recordedAt"]).prefix(10))
            lines.append("- **\(day)**: \(sentence(for: event)) (\(person(event)))")
            if let note = event["payload"]?["personal"]?["text"]?.string {
                lines.append(say("  - Wat er staat: \(note)", "  - What it says: \(note)"))
            } else if event["payload"]?["personal"]?.string == JSONValue.Redaction.withheld.rawValue {
                lines.append(
                    say(
                        "  - Wat er staat: weggelaten, omdat het ook over anderen kan gaan.",
                        "  - What it says: left out, as it may be about others too."))
            }
        }
        lines += ["", say("## Wie je dossier heeft gelezen", "## Who read your file"), ""]
        lines +=
            reads.isEmpty
            ? [say("Niemand heeft je persoonlijke gegevens gelezen.", "Nobody has read your personal details.")]
            : reads.map { read in "- **\(text(read["recordedAt"]).prefix(10))**: \(text(read["actor"])), \(role(read["role"]?.string)). \(why(read))"
            }
        lines += ["", explanation]
        return lines.joined(separator: "\n") + "\n"
    }

    private func say(_ dutch: String, _ english: String) -> String { language.say(dutch, english) }

    /// Who the letter is for, and the law that lets them read it.
    private var readerLine: String {
        switch reader {
        case .youth:
            say(
                "Je krijgt dit dossier omdat het over jou gaat. Dat staat in de wet (\(Self.articles(ground))).",
                "You get this file because it is about you. The law says so (\(ground)).")
        case .parent:
            say(
                """
                U krijgt dit dossier als ouder of voogd. Dat mag volgens de wet (\(Self.articles(ground))). De brief is geschreven zoals aan uw \
                kind: waar \"je\" staat, gaat het over uw kind.
                """,
                """
                You get this file as a parent or guardian. The law allows it (\(ground)). The letter is written as to your child: where it says \
                \"you\", it means your child.
                """
            )
        }
    }

    /// The articles of `citation` as a Dutch reader reads them: "BW artikel 7:457", without the English gloss.
    static func articles(_ citation: String) -> String {
        String(citation.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "art.", with: "artikel")
    }

    /// Who did it: the person, also when a linked system (a delegate) sent it for them.
    private func person(_ event: JSONValue) -> String {
        let name = text(event["onBehalfOf"] ?? event["actor"]?["name"])
        return say("door \(name), \(role(event["role"]?.string))", "by \(name), \(role(event["role"]?.string))")
    }

    private func role(_ raw: String?) -> String {
        switch Role(rawValue: raw ?? "") {
        case .professional: say("hulpverlener", "care worker")
        case .attentionOfficer: say("aandachtsfunctionaris", "the staff member for safety concerns")
        case .behaviouralScientist: say("gedragswetenschapper", "behavioural scientist")
        case .privacyOfficer: say("functionaris gegevensbescherming", "data protection officer")
        case .auditor: say("controleur", "auditor")
        case .admin: say("beheerder", "administrator")
        case .monitor: say("bewakingsaccount", "monitoring account")
        case .delegate: say("gekoppeld systeem", "linked system")
        case .relay: say("landelijke koppeling", "national link")
        case nil: raw ?? "-"
        }
    }

    private func why(_ read: JSONValue) -> String {
        switch read["ground"]?.string {
        case "unit": say("Werkt op jouw afdeling.", "Works in your unit.")
        case "assignment": say("Is jouw vaste medewerker.", "Is your assigned care worker.")
        case "relationship": say("Werd erbij gehaald voor overleg.", "Was asked to help think along.")
        case "emergency":
            say(
                "Noodgeval: \(text(read["reason"])). De functionaris gegevensbescherming controleert dit.",
                "Emergency: \(text(read["reason"])). The data protection officer checks this.")
        default: say("Voor een inzage of een kopie van je dossier.", "To show you or give you a copy of your file.")
        }
    }

    /// A form of exploitation in words: the Dutch of the built-in catalogue, else the catalogue's label.
    private func form(_ id: String) -> String {
        if language == .nl, let dutch = Self.dutchForms[id] { return dutch }
        return catalogue.formsOfExploitation.first { $0.id == id }?.label ?? id
    }

    static let dutchForms = [
        "sexual": "seksuele uitbuiting", "labour": "uitbuiting in werk, ook gedwongen bedelen", "criminal": "gedwongen criminaliteit",
        "organ-removal": "het weghalen van organen", "financial": "financiële uitbuiting", "combination": "meer vormen tegelijk",
        "unknown": "nog niet duidelijk welke vorm",
    ]

    /// The party in words; `asked`: as the one something is asked of ("aan jou").
    private func party(_ party: ConsentParty, asked: Bool = false) -> String {
        switch party {
        case .youth: say(asked ? "jou" : "jij", "you")
        case .parent, .otherParent: say("je ouder", "your parent")
        case .guardian: say("je voogd", "your guardian")
        case .certifiedInstitution: say("de instelling die je voogd is", "the institution that is your guardian")
        }
    }

    private func waiverGround(_ ground: WaiverGround) -> String {
        switch ground {
        case .unableToConsent:
            say(
                "Je kon toen zelf niet kiezen (wet: BW artikel 7:458 lid 1 sub a).",
                "You could not choose for yourself then (law: BW article 7:458 paragraph 1 sub a).")
        case .cannotReasonablyBeAsked, .askingWouldCauseHarm:
            say("Het vragen zou je schaden (zo stond het toen in de regels).", "Asking would have harmed you (as the rules said then).")
        }
    }

    /// What the event means, in one sentence. The typed event, switched on whole: a new kind of
    /// event does not compile until it has its sentence. One this build cannot read (another
    /// schema version) is named by its type.
    private func sentence(for event: JSONValue) -> String {
        let type = text(event["type"])
        guard let version = event["schemaVersion"]?.number, let payload = event["payloadText"]?.string,
            let typed = try? CaseEvent(type: type, schemaVersion: UInt16(version), payload: Array(payload.utf8))
        else { return say("Er is iets vastgelegd (\(type)).", "Something was recorded (\(type)).") }
        return sentence(for: typed)
    }

    private func sentence(for event: CaseEvent) -> String {
        func forms(_ ids: [String]) -> String { ids.isEmpty ? "" : " (\(ids.map(form).joined(separator: ", ")))" }
        switch event {
        case .caseOpened: return say("Het dossier is geopend.", "The file was opened.")
        case .caseClosed: return say("Het dossier is gesloten.", "The file was closed.")
        case .casesLinked:
            return say("Er is opgeschreven of een ander dossier ook over jou gaat.", "It was written down whether another file is about you too.")
        case .caseTransferred: return say("Je dossier is naar een andere afdeling gegaan.", "Your file moved to another unit.")
        case .caseReopened: return say("Het dossier is weer geopend.", "The file was opened again.")
        case .screeningRecorded: return say("Bij de start is gekeken of er zorgen waren.", "At the start, we checked whether there were worries.")
        case .signalRecorded(let signal):
            return say(
                "Een medewerker schreef een zorg op\(forms(signal.formsOfExploitation)).",
                "A staff member wrote down a worry\(forms(signal.formsOfExploitation)).")
        case .signalRetracted: return say("Een zorg is doorgestreept, omdat die niet klopte.", "A worry was crossed out because it was wrong.")
        case .signalCorrected(let correction):
            return say(
                "Een zorg is verbeterd\(forms(correction.formsOfExploitation)).", "A worry was corrected\(forms(correction.formsOfExploitation)).")
        case .riskAssessed: return say("Er is ingeschat hoe groot de risico's zijn.", "The risks were assessed.")
        case .consultationHeld: return say("Medewerkers hebben met elkaar overlegd over de zorg.", "Staff talked together about the worry.")
        case .conversationHeld:
            return say("Er is met jou of je ouders gepraat over de zorg.", "Someone talked with you or your parents about the worry.")
        case .conversationSkipped:
            return say(
                "Er is nog niet met jou gepraat, omdat dat niet veilig was of het contact kon verbreken.",
                "Nobody talked with you yet, because it was not safe or could break contact.")
        case .weighingRecorded:
            return say(
                "Medewerkers hebben alles op een rij gezet en besloten wat er moet gebeuren.",
                "Staff put everything together and decided what should happen.")
        case .signalForwarded: return say("De zorg is doorgegeven aan iemand die kan helpen.", "The worry was passed on to someone who can help.")
        case .reportedToVeiligThuis: return say("Er is een melding gedaan bij Veilig Thuis.", "A report was made to Veilig Thuis.")
        case .veiligThuisFeedbackReceived: return say("Veilig Thuis heeft laten weten wat zij doen.", "Veilig Thuis told us what they will do.")
        case .authorityRecorded:
            return say("Er is opgeschreven wie het gezag over jou heeft.", "It was written down who has parental authority over you.")
        case .consentRequested(let request):
            return say(
                "Aan \(party(request.from, asked: true)) is gevraagd of je gegevens naar CoMensha mogen.",
                "\(party(request.from)) was asked whether your details may go to CoMensha.")
        case .consentGiven(let consent): return say("\(party(consent.by)) zei ja.", "\(party(consent.by)) said yes.")
        case .consentRefused(let refusal): return say("\(party(refusal.by)) zei nee.", "\(party(refusal.by)) said no.")
        case .consentWithdrawn(let withdrawal):
            return say("\(party(withdrawal.by)) nam het ja terug.", "\(party(withdrawal.by)) took back the yes.")
        case .consentWaiverRequested:
            return say(
                "Een medewerker vroeg of je gegevens zonder ja mochten worden doorgegeven, alleen om te tellen.",
                "A staff member asked whether your details could be passed on without a yes, only to be counted.")
        case .parentalOverrideRequested:
            return say(
                "Een medewerker vroeg of jouw ja mocht tellen, ook al zeiden je ouders nee.",
                "A staff member asked whether your yes could count, even though your parents said no.")
        case .parentalRefusalOverridden:
            return say(
                "Een gedragswetenschapper besliste dat jouw ja telt (BW artikel 7:450 lid 2).",
                "A behavioural scientist decided that your yes counts (BW article 7:450 paragraph 2).")
        case .consentWaived(let waiver):
            return say(
                "Een tweede medewerker vond dat dit mocht. \(waiverGround(waiver.ground))",
                "A second staff member agreed that this was allowed. \(waiverGround(waiver.ground))")
        case .registeredAtCoMensha(let registration): return registered(registration)
        case .registrationDeclined:
            return say("Er is besloten je niet aan te melden bij CoMensha.", "It was decided not to register you at CoMensha.")
        case .withdrawalNotified: return say("CoMensha is verteld dat het ja is teruggenomen.", "CoMensha was told that the yes was taken back.")
        case .registrationSealed:
            return say(
                "Je aanmelding is op slot gedaan, zodat alleen CoMensha haar kan lezen, en naar CoMensha gestuurd.",
                "Your registration was locked so that only CoMensha can read it, and sent to CoMensha.")
        case .registrationAcknowledged(let acknowledgement): return acknowledged(acknowledgement.subject)
        case .registeredElsewhere:
            return say("Een andere organisatie had je al aangemeld bij CoMensha.", "Another organisation had registered you at CoMensha already.")
        case .clientStatementAdded:
            return say("Jij of je ouders hebben zelf iets aan het dossier toegevoegd.", "You or your parents added something to the file.")
        case .carerAssigned(let assignment):
            return say("\(assignment.carer) is jouw vaste medewerker geworden.", "\(assignment.carer) became your assigned care worker.")
        case .carerUnassigned(let unassignment):
            return say("\(unassignment.carer) is niet meer jouw vaste medewerker.", "\(unassignment.carer) is no longer your assigned care worker.")
        case .erasureRequested: return say("Er is gevraagd het dossier te vernietigen.", "Someone asked for the file to be destroyed.")
        case .legalHoldPlaced:
            return say(
                "Het dossier wordt langer bewaard, omdat de wet of een ander belang dat vraagt.",
                "The file is kept longer, because the law or someone else's important interest needs it.")
        case .legalHoldLifted: return say("Het langer bewaren is gestopt.", "Keeping it longer has stopped.")
        case .personalDataErased: return say("Je persoonlijke gegevens zijn gewist.", "Your personal details were erased.")
        }
    }

    private func registered(_ registration: RegisteredAtCoMensha) -> String {
        guard registration.kind == .identifiable else {
            return say("Je bent geteld bij CoMensha, zonder je naam.", "You were counted at CoMensha, without your name.")
        }
        guard registration.basis == .waiver else {
            return say("Je bent aangemeld bij CoMensha, met je naam.", "You were registered at CoMensha, with your name.")
        }
        return say(
            "Je bent aangemeld bij CoMensha, met je naam, zonder ja, alleen om te tellen. Dat staat in de wet (BW artikel 7:458).",
            "You were registered at CoMensha, with your name, without a yes, only to be counted. The law allows this (BW article 7:458).")
    }

    private func acknowledged(_ subject: RegistrationAcknowledged.Subject) -> String {
        switch subject {
        case .withdrawal:
            say("CoMensha heeft bevestigd dat het weet dat het ja is teruggenomen.", "CoMensha confirmed it knows that the yes was taken back.")
        case .erasure:
            say(
                "CoMensha heeft bevestigd dat het weet dat je gegevens hier zijn vernietigd.",
                "CoMensha confirmed it knows that your details were destroyed here.")
        case .registration:
            say("CoMensha heeft bevestigd dat het je aanmelding heeft ontvangen.", "CoMensha confirmed it received your registration.")
        }
    }

    private var explanation: String {
        say(
            """
            ## Wat betekent dit?

            - **Veilig Thuis** is de plek waar zorgen over de veiligheid van kinderen en jongeren worden gemeld. Zij kijken of er hulp nodig is.
            - **CoMensha** houdt bij hoeveel jongeren in Nederland worden uitgebuit, zodat de hulp beter wordt. Zonder je naam tellen ze je alleen
              mee. Met je naam kan CoMensha ook hulp regelen. Dat mag alleen als het gevraagd is en mocht.
            - **Overleggen en opschrijven** doen medewerkers volgens vaste stappen (de meldcode), zodat niets vergeten wordt.

            ## Wat kun je doen?

            - Klopt er iets niet? Vraag de instelling het te **verbeteren**. Je mag ook zelf iets aan je dossier **toevoegen**.
            - Wil je dat je dossier wordt **vernietigd**? Vraag het de functionaris gegevensbescherming. Dat gebeurt binnen drie maanden, tenzij de
              wet of een ander belangrijk belang het verbiedt. Dan hoor je waarom.
            - Heb je vragen? Stel ze aan je hulpverlener of de functionaris gegevensbescherming.
            """,
            """
            ## What does this mean?

            - **Veilig Thuis** is where worries about the safety of children and young people are reported. They check whether help is needed.
            - **CoMensha** keeps count of how many young people in the Netherlands are exploited, so that help gets better. Without your name they
              only count you. With your name CoMensha can also arrange help. That is only allowed when it was asked and permitted.
            - Staff **talk things over and write them down** in fixed steps (the meldcode), so that nothing is forgotten.

            ## What can you do?

            - Is something wrong? Ask the institution to **correct** it. You may also **add** something to your file yourself.
            - Do you want your file **destroyed**? Ask the data protection officer. It happens within three months, unless the law or someone else's
              important interest forbids it. Then you are told why.
            - Questions? Ask your care worker or the data protection officer.
            """)
    }

    private func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let string)?: string
        case .number(let number)?: number.rounded() == number ? String(Int64(number)) : String(number)
        case .bool(let flag)?: flag ? say("ja", "yes") : say("nee", "no")
        case .array(let items)?: items.map { text($0) }.joined(separator: ", ")
        case .object(let object)?: object.keys.sorted().map { "\($0) \(text(object[$0]))" }.joined(separator: "; ")
        case .null?, nil: "-"
        }
    }
}
