/// The decision tree as Graphviz `dot`, for a team to print and discuss: the meldcode's steps,
/// the afwegingskader's norms, and the registration with consent by age, each step with the role
/// and the deadline this protocol agreed.
extension InstitutionProtocol {
    /// In Dutch, the meldcode's own terms, unless `language` says English.
    public func dot(language l: PageLanguage = .nl) -> String {
        func step(_ kind: StepKind, _ id: String, _ title: String) -> String {
            let rule = rule(of: kind)
            return "  \(id) [shape=box, label=\"\(title)\\n\(l.role(rule.responsible)), \(l.say("binnen", "within")) \(l.period(rule.within))\"];"
        }
        let waiver = self.consent.waiver
        let ages = self.consent.table.rows.map { "\($0.ages.lowerBound)-\($0.ages.upperBound): \(Self.short($0, l))" }.joined(separator: "; ")
        let consentLabel = l.say("uitdrukkelijke toestemming naar leeftijd", "explicit consent by age") + "\\n(\(ages))?"
        let approver = l.role(waiver.approvedBy)
        let waiverLabel = l.say(
            "ontheffing goedgekeurd door de \(approver)\\n(niet de aanvrager, \(waiver.validDays) dagen)?",
            "waiver approved by the \(approver)\\n(not the requester, \(waiver.validDays) days)?")
        let skipped = l.say("of overgeslagen voor de veiligheid, met reden", "or skipped for safety, reason recorded")
        var lines =
            [
                "digraph protocol {",
                // Top to bottom, scaled to fit a printed A4 page (8.27 × 11.69 in) with a margin: size is in inches.
                "  label=\"\(Self.escaped(self.name)), version \(self.version)\"; labelloc=t; rankdir=TB; size=\"7.7,11.1\"; ratio=compress;",
                "  node [fontname=\"Helvetica\"]; edge [fontname=\"Helvetica\", fontsize=10];",
                "  signal [shape=oval, label=\"\(l.say("signaal vastgelegd\\n(stap 1 van de meldcode)", "signal recorded\\n(meldcode step 1)"))\"];",
                step(
                    .consult, "consult",
                    l.say(
                        "collegiale consultatie of de aandachtsfunctionaris\\n(stap 2)",
                        """
                        consult a colleague or the attention officer\\n(step \
                        2)
                        """)),
                step(.converse, "converse", l.say("gesprek met de jongere of de ouders\\n(stap 3)", "talk with the youth or the parents\\n(step 3)")),
                step(.weigh, "weigh", l.say("wegen met het afwegingskader\\n(stap 4 en 5)", "weigh with the afwegingskader\\n(steps 4 and 5)")),
                step(.report, "report", l.say("melden bij Veilig Thuis", "report to Veilig Thuis")),
                step(.feedback, "feedback", l.say("terugkoppeling van Veilig Thuis, nagevraagd", "Veilig Thuis's feedback, chased")),
                step(.evaluateHelp, "help", l.say("hulp bieden of organiseren; evalueren", "offer or arrange help; evaluate it")),
                "  close [shape=oval, label=\"\(l.say("geen verdere actie", "no further action"))\"];",
                step(.register, "register", l.say("registratie bij CoMensha", "registration at CoMensha due")),
                "  consent [shape=diamond, label=\"\(consentLabel)\"];",
                "  waiver [shape=diamond, label=\"\(waiverLabel)\"];",
                "  identifiable [shape=oval, label=\"\(l.say("identificeerbaar registreren", "register identifiably"))\"];",
                "  anonymous [shape=oval, label=\"\(l.say("niet-identificeerbaar registreren", "register non-identifiably"))\"];",
                step(.assessRisk, "risk", l.say("risicotaxatie, herhaald", "risk assessment, repeated")),
                "  signal -> consult; signal -> risk [style=dashed];",
                "  consult -> converse;",
                "  converse -> weigh [label=\"\(skipped)\"];",
                "  weigh -> register [label=\"\(l.say("een vermoeden", "a suspicion"))\", style=dashed];",
            ] + Self.afwegingskader(l) + [
                "  help -> weigh [label=\"\(l.say("evalueren", "evaluate"))\"];",
                "  report -> feedback; report -> register [style=dashed];",
                "  register -> consent;",
                """
                  consent -> identifiable [label=\"\(l.say("volledig", "complete"))\"]; consent -> anonymous \
                [label=\"\(l.say("geweigerd", "refused"))\"]; consent -> waiver \
                [label=\"\(l.say("niet in staat, niemand weigerde", "unable to consent, nobody refused"))\"];
                """,
                """
                  waiver -> identifiable [label=\"\(l.say("ja, voor de statistiek", "yes, for statistics"))\"]; waiver -> anonymous \
                [label=\"\(l.say("nee", "no"))\"];
                """,
                "}",
            ]
        lines.removeAll { $0.isEmpty }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The afwegingskader's branches and the decisions each allows, from the data the decider checks.
    static func afwegingskader(_ language: PageLanguage) -> [String] {
        Afwegingskader.branches.enumerated().flatMap { index, branch in
            let targets = Set(
                branch.allowed.flatMap { decision -> [String] in
                    switch decision {
                    case .report: ["report"]
                    case .help: ["help"]
                    case .reportAndHelp: ["report", "help"]
                    case .noFurtherAction: ["close"]
                    }
                }
            ).sorted()
            return [
                "  branch\(index) [shape=diamond, label=\"\(escaped(language.say(branch.wanneer, branch.when)))\"];", "  weigh -> branch\(index);",
            ]
                + targets.map { "  branch\(index) -> \($0);" }
        }
    }

    private static func short(_ row: ConsentTable.Row, _ l: PageLanguage) -> String {
        row.requires.map { $0 == .youth ? l.say("jongere", "youth") : l.say("ouders", "parents") }.joined(separator: " + ")
    }

    /// Text safe inside a `dot` string.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
