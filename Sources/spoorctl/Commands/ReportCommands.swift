import ArgumentParser
import SpoorProtocol

struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports (meldingen).",
        subcommands: [ReportToVeiligThuis.self])
}

struct ReportToVeiligThuis: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "veilig-thuis", abstract: "Record a report to Veilig Thuis.")
    static let wireName = "report-to-veilig-thuis"
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("signal"), help: "A signal id (repeat for more).") var signals: [String]
    @Option(help: "acute or regular.") var urgency: String = "regular"
    @Flag(inversion: .prefixedNo, help: "Whether the report was discussed with the client.") var discussedWithClient: Bool
    @Option(help: "Why not, when it was not: one of the skip reasons.") var notDiscussedReason: String?
    @Option(help: "Veilig Thuis's reference.") var reference: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields([
            "signalIDs": .strings(signals), "urgency": .string(urgency), "discussedWithClient": .bool(discussedWithClient),
            "notDiscussedReason": notDiscussedReason.map(JSONValue.string), "reference": reference.map(JSONValue.string),
            "reportedOn": .string(day.value),
        ])
    }
}

struct FeedbackGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Feedback from Veilig Thuis (terugkoppeling).",
        subcommands: [RecordFeedback.self])
}

struct RecordFeedback: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record Veilig Thuis's feedback on a report.")
    static let wireName = "record-feedback"
    @OptionGroup var target: CaseTarget
    @Option(help: "The report id, e.g. report-1.") var report: String
    @Option(help: "safety-assessment or investigation-closed.") var kind: String
    @OptionGroup var day: DayOption
    @Option(help: "The feedback's content (sealed).") var note: String?
    func body() -> JSONValue {
        .fields(["reportID": .string(report), "kind": .string(kind), "receivedOn": .string(day.value), "personal": .note(note)])
    }
}

struct RegisterGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Registration at CoMensha: register, record a registration by another registrant, decline, print the form.",
        subcommands: [
            RegisterAtCoMensha.self, RegisteredElsewhereCommand.self, DeclineRegistration.self, RegistrationFormCommand.self,
            WithdrawalNotifiedCommand.self,
        ])
}

struct RegisterAtCoMensha: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "comensha", abstract: "Record a registration at CoMensha, filled in from the case.",
        discussion: """
            Identifiable only with explicit consent of every party the youth's age requires, or an approved waiver (for statistics \
            only). What is sent is taken from the case: name, birth date, gender, nationality and country of birth for an \
            identifiable registration; the analytic fields for both kinds.
            """)
    static let wireName = "register-at-comensha"
    @OptionGroup var target: CaseTarget
    @Option(help: "identifiable or non-identifiable.") var kind: String
    @Option(help: "consent, waiver or none.") var basis: String = "none"
    @Option(help: "statistics, or care-coordination (a melding for care coordination by CoMensha).") var purpose: String = "statistics"
    @Option(help: "CoMensha's reference.") var reference: String?
    @OptionGroup var day: DayOption
    @Option(help: ArgumentHelp("Write the filled-in registration to FILE.json and FILE.md, to submit (a recorded read).", valueName: "FILE"))
    var formOut: String?

    func body() -> JSONValue {
        .fields([
            "kind": .string(kind), "basis": .string(basis), "purpose": .string(purpose),
            "reference": reference.map(JSONValue.string), "registeredOn": .string(day.value),
        ])
    }

    func afterRecording(_ client: SocketClient) throws {
        guard let formOut else { return }
        try RegistrationFormCommand.write(
            try client.call(
                .registrationForm, JSONValue(encoding: RegistrationFormParams(case: target.caseID)),
                as: RegistrationFormReply.self), to: formOut)
    }
}

struct RegisteredElsewhereCommand: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "elsewhere", abstract: "Record that another registrant registered the youth at CoMensha, so the youth is counted once.")
    static let wireName = "record-registered-elsewhere"
    @OptionGroup var target: CaseTarget
    @Option(help: "police, kmar, labour-inspectorate, care-coordinator or other-organisation.") var by: String
    @Option(help: "CoMensha's or the registrant's reference.") var reference: String?
    @Option(help: "YYYY-MM-DD when you learned of it, today by default.") var on: String?
    func body() -> JSONValue {
        .fields(["registrant": .string(by), "reference": reference.map(JSONValue.string), "learnedOn": .string(on ?? today())])
    }
}

struct WithdrawalNotifiedCommand: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "withdrawal-notified",
        abstract: "Record that CoMensha was told of a withdrawal of consent after an identifiable registration (`register form` prints the notice).")
    static let wireName = "notify-withdrawal"
    @OptionGroup var target: CaseTarget
    @Option(help: "CoMensha's reference of the notice.") var reference: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue { .fields(["reference": reference.map(JSONValue.string), "notifiedOn": .string(day.value)]) }
}

struct DeclineRegistration: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "decline", abstract: "Record why a registration that is due is not made.")
    static let wireName = "decline-registration"
    @OptionGroup var target: CaseTarget
    @Option(help: "suspicion-dropped, other-form-of-harm or registered-in-earlier-case.") var reason: String
    @Option(help: "The explanation (sealed).") var note: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue { .fields(["reason": .string(reason), "personal": .note(note), "declinedOn": .string(day.value)]) }
}

struct RegistrationFormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Print or write a registration filled in from the case (a recorded read of personal data).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.", completion: Completions.cases) var caseID: String
    @Option(help: "Which registration of the case, from 1; the last by default.") var registration: Int?
    @Option(help: ArgumentHelp("Write it to FILE.json and FILE.md instead of printing it.", valueName: "FILE")) var out: String?

    func run() throws {
        try global.run({ client in
            let result = try client.call(
                .registrationForm, JSONValue(encoding: RegistrationFormParams(case: caseID, registration: registration)),
                as: RegistrationFormReply.self)
            guard let out else { return try JSONValue(encoding: result) }
            try Self.write(result, to: out)
            return ["written": .string(out)]
        }) { result in result["document"]?.string ?? "written to \(out ?? "").json and .md" }
    }

    /// Writes the form as `path.json` (for a system) and `path.md` (for a person), readable by the owner only.
    static func write(_ result: RegistrationFormReply, to path: String) throws {
        let base = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        try Output.writePrivate(Output.json(result.form) + "\n", to: base + ".json")
        try Output.writePrivate(result.document, to: base + ".md")
    }
}

struct StatementGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "The client's own statements.",
        subcommands: [AddStatement.self])
}

struct AddStatement: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add the client's statement to the dossier.")
    static let wireName = "add-statement"
    @OptionGroup var target: CaseTarget
    @Option(help: "The statement (sealed).") var text: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["personal": ["text": .string(text)], "addedOn": .string(day.value)] }
}
