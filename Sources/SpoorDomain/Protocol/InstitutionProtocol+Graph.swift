/// The decision tree as Graphviz `dot`, for a team to print and discuss: the meldcode's steps,
/// the afwegingskader's norms, and the registration with consent by age, each step with the role
/// and the deadline this protocol agreed.
extension InstitutionProtocol {
    public var dot: String {
        func step(_ kind: StepKind, _ id: String, _ title: String) -> String {
            let rule = rule(of: kind)
            return "  \(id) [shape=box, label=\"\(title)\\n\(rule.responsible.rawValue), within \(rule.within)\"];"
        }
        let waiver = self.consent.waiver
        var lines = [
            "digraph protocol {",
            // Top to bottom, scaled to fit a printed A4 page (8.27 × 11.69 in) with a margin: size is in inches.
            "  label=\"\(Self.escaped(self.name)), version \(self.version)\"; labelloc=t; rankdir=TB; size=\"7.7,11.1\"; ratio=compress;",
            "  node [fontname=\"Helvetica\"]; edge [fontname=\"Helvetica\", fontsize=10];",
            "  signal [shape=oval, label=\"signal recorded\\n(meldcode step 1)\"];",
            step(.consult, "consult", "consult a colleague or the attention officer\\n(step 2)"),
            step(.converse, "converse", "talk with the youth or the parents\\n(step 3)"),
            step(.weigh, "weigh", "weigh with the afwegingskader\\n(steps 4 and 5)"),
            step(.report, "report", "report to Veilig Thuis"),
            step(.feedback, "feedback", "Veilig Thuis's feedback, chased"),
            step(.evaluateHelp, "help", "offer or arrange help; evaluate it"),
            "  close [shape=oval, label=\"no further action\"];",
            step(.register, "register", "registration at CoMensha due"),
            "  consent [shape=diamond, label=\"explicit consent by age\\n(\(self.consent.table.rows.map { "\($0.ages.lowerBound)-\($0.ages.upperBound): \(Self.short($0))" }.joined(separator: "; ")))?\"];",
            "  waiver [shape=diamond, label=\"waiver approved by the \(waiver.approvedBy.rawValue)\\n(not the requester, \(waiver.validDays) days)?\"];",
            "  identifiable [shape=oval, label=\"register identifiably\"];",
            "  anonymous [shape=oval, label=\"register non-identifiably\"];",
            step(.assessRisk, "risk", "risk assessment, repeated"),
            "  signal -> consult; signal -> risk [style=dashed];",
            "  consult -> converse;",
            "  converse -> weigh [label=\"or skipped for safety, reason recorded\"];",
            "  weigh -> register [label=\"a suspicion\", style=dashed];",
        ] + Self.afwegingskader + [
            "  help -> weigh [label=\"evaluate\"];",
            "  report -> feedback; report -> register [style=dashed];",
            "  register -> consent;",
            "  consent -> identifiable [label=\"complete\"]; consent -> anonymous [label=\"refused\"]; consent -> waiver [label=\"unable to consent, nobody refused\"];",
            "  waiver -> identifiable [label=\"yes, for statistics\"]; waiver -> anonymous [label=\"no\"];",
            "}",
        ]
        lines.removeAll { $0.isEmpty }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The afwegingskader's branches and the decisions each allows, from the data the decider checks.
    static var afwegingskader: [String] {
        Afwegingskader.branches.enumerated().flatMap { index, branch in
            let targets = Set(branch.allowed.flatMap { decision -> [String] in
                switch decision {
                case .report: ["report"]
                case .help: ["help"]
                case .reportAndHelp: ["report", "help"]
                case .noFurtherAction: ["close"]
                }
            }).sorted()
            return ["  branch\(index) [shape=diamond, label=\"\(escaped(branch.when))\"];", "  weigh -> branch\(index);"]
                + targets.map { "  branch\(index) -> \($0);" }
        }
    }

    private static func short(_ row: ConsentTable.Row) -> String {
        row.requires.map { $0 == .youth ? "youth" : "parents" }.joined(separator: " + ")
    }

    /// Text safe inside a `dot` string.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
