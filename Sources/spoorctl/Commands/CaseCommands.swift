import ArgumentParser
import SpoorProtocol

struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Open, show, close and reopen cases; ask for the next steps.",
        subcommands: [
            OpenCase.self, ShowCase.self, ListCases.self, CloseCase.self, ReopenCase.self, TransferCase.self, LinkCase.self, UnlinkCase.self,
            NextSteps.self,
            AssignCarer.self, UnassignCarer.self,
        ])
}

struct OpenCase: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a case for a youth.")
    static let wireName = "open-case"
    static let flags = [
        "youth.ageAtOpening": "--age", "personal.birthDate": "--birth-date", "youth.gender": "--gender",
        "youth.nationalityGroup": "--nationality-group", "nationality": "--nationality-country", "openedOn": "--opened-on",
        "unit": "--unit", "personal.name": "--name",
    ]
    @OptionGroup var target: CaseTarget
    @Option(help: "The organisational unit.", completion: Completions.units) var unit: String
    @Option(help: "female, male, other or unknown.", completion: Completions.gender) var gender: String
    @Option(help: "dutch, non-dutch or unknown.", completion: Completions.nationalityGroup) var nationalityGroup: String
    @Option(help: "The nationality as an ISO 3166-1 alpha-2 code (NL, RO, NG), for the statistics; not sealed, like the group.")
    var nationalityCountry: String?
    @Option(help: "The youth's age when the case opens.") var age: Int
    @Option(help: "YYYY-MM-DD, today by default.") var openedOn: String?
    @Option(help: "The youth's name (sealed).") var name: String?
    @Option(help: "The youth's birth date, YYYY-MM-DD (sealed).") var birthDate: String?
    @Option(help: "The institution's client number (sealed).") var clientNumber: String?
    @Option(help: "Place of birth (sealed).") var birthplace: String?
    @Option(help: "Nationality (sealed).") var nationality: String?
    @Option(help: "Country of birth (sealed).") var countryOfBirth: String?

    func validate() throws {
        guard (name == nil) == (birthDate == nil) else { throw ValidationError("give --name and --birth-date together") }
    }

    func body() -> JSONValue {
        let personal: JSONValue? = name.map { name in
            .fields([
                "name": .string(name), "birthDate": birthDate.map(JSONValue.string), "clientNumber": clientNumber.map(JSONValue.string),
                "birthplace": birthplace.map(JSONValue.string), "nationality": nationality.map(JSONValue.string),
                "countryOfBirth": countryOfBirth.map(JSONValue.string),
            ])
        }
        return .fields([
            "unit": .string(unit), "openedOn": .string(openedOn ?? today()),
            "youth": .fields([
                "gender": .string(gender), "nationalityGroup": .string(nationalityGroup), "ageAtOpening": .number(Double(age)),
                "nationality": nationalityCountry.map(JSONValue.string),
            ]),
            "personal": personal,
        ])
    }
}

struct CloseCase: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case.")
    static let wireName = "close-case"
    @OptionGroup var target: CaseTarget
    @Option(help: "concerns-resolved, care-ended, transferred or other.") var reason: String
    @Option(
        name: .customLong("open-obligation"),
        help: "Close although this obligation is open: registration-due, report-not-made or feedback-outstanding (repeat for each).")
    var openObligations: [String] = []
    @Option(help: "Why the case closes with obligations open (sealed).") var because: String?
    @Option(help: "YYYY-MM-DD, today by default.") var closedOn: String?
    func body() -> JSONValue {
        .fields([
            "reason": .string(reason), "closedOn": .string(closedOn ?? today()), "personal": .note(because),
            "openObligations": openObligations.isEmpty ? nil : .strings(openObligations),
        ])
    }
}

struct ReopenCase: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case.")
    static let wireName = "reopen-case"
    @OptionGroup var target: CaseTarget
    @Option(help: "YYYY-MM-DD, today by default.") var reopenedOn: String?
    func body() -> JSONValue { ["reopenedOn": .string(reopenedOn ?? today())] }
}

struct TransferCase: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Move a case to another unit of the configuration (officers).")
    static let wireName = "transfer-case"
    @OptionGroup var target: CaseTarget
    @Option(help: "The unit the case moves to.", completion: Completions.units) var unit: String
    @Option(help: "Why it moves (sealed).") var reason: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { .fields(["unit": .string(unit), "personal": .note(reason), "transferredOn": .string(day.value)]) }
}

struct ListCases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The cases you may read: a carer those of its care relationships, the auditor and the privacy officer every one.",
        discussion: "Open cases by default, in id order; no personal content. Shell completion of --case asks this.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only the cases of this unit.", completion: Completions.units) var unit: String?
    @Flag(help: "Also the closed cases.") var closed = false
    @Option(help: "At most this many (1 to 10000; 1000 by default).") var limit: Int?
    @Option(help: "The page after this case id (the `next` of the page before).") var after: String?

    func run() throws {
        let params = CaseListParams(unit: unit, closed: closed ? true : nil, after: after, limit: limit)
        try global.run(.caseList, params, as: CaseListReply.self) { reply in
            Output.table(
                ["case", "unit", "state", "last changed"], reply.cases.map { [$0.case, $0.unit, $0.open ? "open" : "closed", $0.lastChangedOn] })
                + (reply.next.map { "\nmore: --after \($0)" } ?? "")
        }
    }
}

struct ShowCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case as it is now.",
        discussion:
            """
            A carer reads personal content for the cases of their units, assigned to them, or brought to their role by a forward or consultation; \
            otherwise sealed, unless --emergency with --reason, which is recorded and reviewed by the privacy officer.
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.", completion: Completions.cases) var caseID: String
    @Flag(help: "Break the glass: read without a care relationship (recorded, reviewed).") var emergency = false
    @Option(help: "Why, for the privacy officer's review (with --emergency).") var reason: String?

    func validate() throws {
        guard emergency == (reason != nil) else { throw ValidationError("give --emergency and --reason together") }
    }

    func run() throws {
        let params = CaseShowParams(case: caseID, emergency: emergency ? true : nil, reason: reason)
        try global.run({ client in
            do { return try client.call(.caseShow, JSONValue(encoding: params), as: CaseReply.self) } catch ClientError.daemon(let wire)
                where wire.field == "emergency"
            {
                throw ValidationError("--emergency: \(wire.message)")  // a flag that does not apply to the caller's roles: usage, exit 64
            }
        }) { view in
            Render.caseSummary(view) + (view.access.map { "\n\n\($0)" } ?? "")
        }
    }
}

struct AssignCarer: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a named carer to the case: they may read it (officers).")
    static let wireName = "assign-carer"
    @OptionGroup var target: CaseTarget
    @Option(help: "The carer's OS user name.") var carer: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["carer": .string(carer), "assignedOn": .string(day.value)] }
}

struct UnassignCarer: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: "Take a named carer off the case (officers).")
    static let wireName = "unassign-carer"
    @OptionGroup var target: CaseTarget
    @Option(help: "The carer's OS user name.") var carer: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["carer": .string(carer), "unassignedOn": .string(day.value)] }
}

struct NextSteps: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "The next steps for a case, with the rule and the reason.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.", completion: Completions.cases) var caseID: String
    @Option(help: "Judge deadlines on this day, YYYY-MM-DD; today by default.") var on: String?

    func run() throws {
        try global.run(.caseNext, CaseParams(case: caseID, on: on), as: NextStepsReply.self) { reply in
            guard !reply.steps.isEmpty else { return "no next steps for case \(caseID)" }
            return reply.steps.map { step in
                let who = [step.responsible.map { "the \($0)" }, step.dueOn.map { "by \($0)" }].compactMap { $0 }
                return "- \(step.action)\(who.isEmpty ? "" : " [\(who.joined(separator: ", "))]"): \(step.reason) (\(step.rule))"
            }
            .joined(separator: "\n")
        }
    }
}

struct ScreeningGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screening", abstract: "Screening at intake for signs of exploitation: the denominator of signal rates.",
        subcommands: [RecordScreening.self])
}

struct RecordScreening: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record that the youth was screened, with or without a finding; record each sign found as a signal.")
    static let wireName = "record-screening"
    @OptionGroup var target: CaseTarget
    @Option(help: "no-signs or signs-found.") var outcome: String
    @Option(help: "The risk instrument used, from the catalogue (ris-l, vlaggensysteem, 11vb, own).") var instrument: String?
    @OptionGroup var day: DayOption

    func body() -> JSONValue {
        var body: [String: JSONValue] = ["screenedOn": .string(day.value), "outcome": .string(outcome)]
        body["instrument"] = instrument.map(JSONValue.string)
        return .object(body)
    }
}
