import ArgumentParser
import SpoorProtocol

struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Reports (meldingen).",
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
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue {
        .fields(["signalIDs": .strings(signals), "urgency": .string(urgency), "discussedWithClient": .bool(discussedWithClient),
                 "notDiscussedReason": notDiscussedReason.map(JSONValue.string), "reference": reference.map(JSONValue.string),
                 "reportedOn": .string(on ?? today())])
    }
}

struct FeedbackGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedback", abstract: "Feedback from Veilig Thuis (terugkoppeling).",
                                                    subcommands: [RecordFeedback.self])
}

struct RecordFeedback: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record Veilig Thuis's feedback on a report.")
    static let wireName = "record-feedback"
    @OptionGroup var target: CaseTarget
    @Option(help: "The report id, e.g. report-1.") var report: String
    @Option(help: "safety-assessment or investigation-closed.") var kind: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    @Option(help: "The feedback's content (sealed).") var note: String?
    func body() -> JSONValue {
        .fields(["reportID": .string(report), "kind": .string(kind), "receivedOn": .string(on ?? today()), "personal": .note(note)])
    }
}

struct RegisterGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Registrations.",
                                                    subcommands: [RegisterAtCoMensha.self])
}

struct RegisterAtCoMensha: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "comensha", abstract: "Record a registration at CoMensha.",
        discussion: "Identifiable only with consent of the right person for the youth's age, or an approved waiver.")
    static let wireName = "register-at-comensha"
    @OptionGroup var target: CaseTarget
    @Option(help: "identifiable or non-identifiable.") var kind: String
    @Option(help: "consent, waiver or none.") var basis: String = "none"
    @Option(name: .customLong("field"), help: "A field sent, e.g. gender, age, name (repeat).") var fields: [String] = []
    @Option(name: .customLong("form"), help: "A form of exploitation (repeat).") var forms: [String] = []
    @Option(help: "CoMensha's reference.") var reference: String?
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue {
        .fields(["kind": .string(kind), "basis": .string(basis), "fieldsSent": .strings(fields), "formsOfExploitation": .strings(forms),
                 "reference": reference.map(JSONValue.string), "registeredOn": .string(on ?? today())])
    }
}

struct StatementGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "statement", abstract: "The client's own statements.",
                                                    subcommands: [AddStatement.self])
}

struct AddStatement: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add the client's statement to the dossier.")
    static let wireName = "add-statement"
    @OptionGroup var target: CaseTarget
    @Option(help: "The statement (sealed).") var text: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["personal": ["text": .string(text)], "addedOn": .string(on ?? today())] }
}
