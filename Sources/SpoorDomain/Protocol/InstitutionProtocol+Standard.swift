import Foundation
import SpoorJSON

extension InstitutionProtocol {
    /// The built-in protocol: what `make run` uses and what a daemon without a protocol file
    /// adopts. The same text is shipped as `systemd/protocol.json.example` (a test keeps the two
    /// equal). Version 2 names the meldcode's triggers by a property (`callsForRegistration`).
    public static let standard: InstitutionProtocol = {
        do {
            return try InstitutionProtocol(json: Array(text.utf8))
        } catch {
            fatalError("the built-in protocol does not load: \(error)")
        }
    }()

    /// The first built-in protocol, version 1: what events written before protocols were versioned
    /// were decided under, and what stores that adopted it replay by. It is version 2 without the
    /// trigger property, content for content (a test pins its digest).
    public static let firstBuiltIn: InstitutionProtocol = {
        var first = standard
        first.version = 1
        func plain(_ entries: [Catalogue.Entry]) -> [Catalogue.Entry] { entries.map { Catalogue.Entry(id: $0.id, label: $0.label) } }
        first.catalogue.consultationParties = plain(first.catalogue.consultationParties)
        first.catalogue.forwardingRecipients = plain(first.catalogue.forwardingRecipients)
        return first
    }()

    static let text = #"""
        {
          "version": 2,
          "name": "Spoor's default protocol",
          "source": "Spoor's defaults from the meldcode (Besluit verplichte meldcode huiselijk geweld en kindermishandeling, afwegingskader \#
        2019), the Jeugdwet and the research report; an institution adopts its own",
          "calendar": {
            "holidays": [
              "new-years-day",
              "easter-monday",
              "kings-day",
              "liberation-day",
              "ascension-day",
              "whit-monday",
              "christmas-day",
              "boxing-day"
            ],
            "closedDays": [],
            "source": "Algemene termijnenwet art. 3: the generally recognised public holidays"
          },
          "consent": {
            "table": [
              {
                "ages": {
                  "from": 0,
                  "through": 11
                },
                "requires": [
                  "parents-or-guardian"
                ],
                "source": "WGBO art. 7:465 lid 1 BW, Jeugdwet art. 7.3.11: below 12 the parents or guardian with authority consent for the youth"
              },
              {
                "ages": {
                  "from": 12,
                  "through": 15
                },
                "requires": [
                  "youth",
                  "parents-or-guardian"
                ],
                "source": "WGBO art. 7:450 lid 2 BW, Jeugdwet art. 7.3.11: from 12 to 16 the youth and the parents or guardian with authority \#
        both consent"
              },
              {
                "ages": {
                  "from": 16,
                  "through": 23
                },
                "requires": [
                  "youth"
                ],
                "source": "WGBO art. 7:447 BW, Jeugdwet art. 7.3.11: from 16 the youth consents alone"
              }
            ],
            "waiver": {
              "approvedBy": "behavioural-scientist",
              "validDays": 30,
              "remindDaysBefore": 7,
              "source": "research report §6.2: without consent only where it \"in redelijkheid niet verlangd kan worden\", decided case by case; \#
        DOMAIN: the behavioural scientist approves a waiver; the 30 days are Spoor's default"
            }
          },
          "steps": {
            "consult": {
              "responsible": "professional",
              "within": {
                "days": 7
              },
              "source": "meldcode step 2, collegiale consultatie; Spoor's default agreement, to be set by the institution: the research (§6.4) \#
        finds it is not clear \"welke partij er verantwoordelijk is voor het doorzetten van signalen en op welk moment dit gedaan dient te worden\""
            },
            "converse": {
              "responsible": "professional",
              "within": {
                "days": 14
              },
              "source": "meldcode step 3, gesprek met de cliënt; Spoor's default agreement, to be set by the institution: the research (§6.4) \#
        finds it is not clear \"welke partij er verantwoordelijk is voor het doorzetten van signalen en op welk moment dit gedaan dient te worden\""
            },
            "weigh": {
              "responsible": "behavioural-scientist",
              "within": {
                "days": 14
              },
              "source": "meldcode steps 4 and 5, afwegingskader; DOMAIN: the behavioural scientist takes part in steps 4 and 5 and signs decisions"
            },
            "report": {
              "responsible": "attention-officer",
              "within": {
                "workingDays": 3
              },
              "needsWeighingUnlessAcute": false,
              "source": "afwegingskader: a report follows the weighing that decided it; a professional may report at any time without one \#
        (meldrecht, Jeugdwet art. 7.3.11 lid 4), so the weighing is not required first unless the institution agrees otherwise; DOMAIN: the \#
        attention officer contacts Veilig Thuis"
            },
            "feedback": {
              "responsible": "attention-officer",
              "within": {
                "workingDays": 5
              },
              "source": "Veilig Thuis gives feedback after its safety assessment, within 5 working days; reports without follow-up must be chased"
            },
            "register": {
              "responsible": "attention-officer",
              "within": {
                "workingDays": 10
              },
              "source": "DOMAIN: the attention officer may register at CoMensha; Spoor's default agreement, to be set by the institution: the \#
        research (§6.4) finds it is not clear \"welke partij er verantwoordelijk is voor het doorzetten van signalen en op welk moment dit gedaan \#
        dient te worden\""
            },
            "assessRisk": {
              "responsible": "behavioural-scientist",
              "within": {
                "days": 14
              },
              "source": "risicotaxatie: experts insist it is repeated, not only done at intake; Spoor's default agreement, to be set by the \#
        institution: the research (§6.4) finds it is not clear \"welke partij er verantwoordelijk is voor het doorzetten van signalen en op welk \#
        moment dit gedaan dient te worden\""
            },
            "evaluateHelp": {
              "responsible": "professional",
              "within": {
                "days": 90
              },
              "source": "afwegingskader question 5: does the help produce safety within the agreed time; 90 days unless the weighing agreed a date"
            }
          },
          "catalogue": {
            "version": 1,
            "formsOfExploitation": [
              {
                "id": "sexual",
                "label": "sexual exploitation"
              },
              {
                "id": "labour",
                "label": "labour exploitation, including forced begging"
              },
              {
                "id": "criminal",
                "label": "criminal exploitation"
              },
              {
                "id": "organ-removal",
                "label": "removal of organs"
              },
              {
                "id": "financial",
                "label": "financial exploitation"
              },
              {
                "id": "combination",
                "label": "a combination of forms"
              },
              {
                "id": "unknown",
                "label": "form not known"
              }
            ],
            "signalCategories": [
              {
                "id": "appearance",
                "label": "appearance and physical"
              },
              {
                "id": "mental-state",
                "label": "mental state"
              },
              {
                "id": "behaviour",
                "label": "behaviour: running away, missing, nights out, hotels"
              },
              {
                "id": "school",
                "label": "school and daytime activities"
              },
              {
                "id": "social-contacts",
                "label": "older or controlling contacts, being picked up"
              },
              {
                "id": "money",
                "label": "money and possessions: sudden money, several phones, debts"
              },
              {
                "id": "online",
                "label": "online: sexting, sextortion"
              },
              {
                "id": "sexual-exploitation",
                "label": "signals of sexual exploitation"
              },
              {
                "id": "labour-exploitation",
                "label": "signals of labour exploitation"
              },
              {
                "id": "criminal-exploitation",
                "label": "signals of criminal exploitation: drugs, weapons, straatschuld"
              },
              {
                "id": "coercion",
                "label": "coercion and control: threats, no own ID, no control over money"
              },
              {
                "id": "vulnerability",
                "label": "vulnerability factor (context, not a signal): LVB, trauma, residential care"
              }
            ],
            "riskInstruments": [
              {
                "id": "ris-l",
                "label": "RIS-L"
              },
              {
                "id": "vlaggensysteem",
                "label": "Vlaggensysteem (green, yellow, red, black)"
              },
              {
                "id": "11vb",
                "label": "11vb"
              },
              {
                "id": "own",
                "label": "the institution's own instrument"
              }
            ],
            "consultationParties": [
              {
                "id": "colleague",
                "label": "a colleague"
              },
              {
                "id": "attention-officer",
                "label": "the attention officer (aandachtsfunctionaris)"
              },
              {
                "id": "behavioural-scientist",
                "label": "a behavioural scientist (gedragswetenschapper)"
              },
              {
                "id": "veilig-thuis-advice",
                "label": "Veilig Thuis, for advice"
              },
              {
                "id": "care-coordinator",
                "label": "the regional care coordinator for human trafficking",
                "callsForRegistration": true
              }
            ],
            "forwardingRecipients": [
              {
                "id": "attention-officer",
                "label": "the attention officer, inside the institution"
              },
              {
                "id": "behavioural-scientist",
                "label": "a behavioural scientist, inside the institution"
              },
              {
                "id": "care-coordinator",
                "label": "the regional care coordinator for human trafficking",
                "callsForRegistration": true
              },
              {
                "id": "veilig-thuis",
                "label": "Veilig Thuis"
              },
              {
                "id": "police",
                "label": "the police"
              }
            ]
          },
          "retention": {
            "years": 20,
            "source": "Jeugdwet art. 7.3.8: the dossier is kept 20 years from the last change",
            "erasure": {
              "responsible": "privacy-officer",
              "within": {
                "days": 90
              },
              "source": "Jeugdwet art. 7.3.9 and AVG art. 17: on request, destroy within three months unless another's significant interest or \#
        the law prevents it"
            },
            "remindDaysBefore": 14,
            "holdReasons": [
              {
                "id": "longer-for-care",
                "label": "kept longer because good care needs it",
                "source": "Jeugdwet art. 7.3.8: 20 years \"of zoveel langer als redelijkerwijs uit de zorg van een goed hulpverlener voortvloeit\""
              },
              {
                "id": "interest-of-another",
                "label": "keeping it is of significant interest to another than the youth",
                "source": "Jeugdwet art. 7.3.9: not destroyed when it is \"van aanmerkelijk belang\" to another"
              },
              {
                "id": "required-by-law",
                "label": "the law requires keeping it, such as a pending investigation or proceedings",
                "source": "Jeugdwet art. 7.3.9: not destroyed when \"het bij of krachtens de wet bepaalde zich tegen vernietiging verzet\"; AVG \#
        art. 17 lid 3"
              }
            ]
          },
          "statistics": {
            "smallCellThreshold": 5,
            "source": "common disclosure control: cells under 5 are not shown outside care, so that no youth can be recognised"
          },
          "access": {
            "relationshipDays": 30,
            "unitsByRole": {},
            "source": "AVG art. 5 lid 1c and 25 (minimal data, by design) and the behandelrelatie of NEN 7513: a role brought in by a forward or \#
        a consultation reads the case for 30 days from it, Spoor's default; unitsByRole lets a role care for units whoever holds it, e.g. \#
        {\"behavioural-scientist\": [\"*\"]}"
          }
        }
        """#
}
