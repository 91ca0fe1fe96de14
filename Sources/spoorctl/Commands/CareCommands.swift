import ArgumentParser
import SpoorProtocol

struct RiskGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk", abstract: "Risk assessments (risicotaxatie).",
        subcommands: [RecordRisk.self])
}

struct RecordRisk: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a risk assessment and when the next one is due.")
    static let wireName = "record-risk-assessment"
    @OptionGroup var target: CaseTarget
    @Option(help: "The instrument, from the catalogue.") var instrument: String
    @Option(help: "The outcome, e.g. high.") var outcome: String
    @Option(help: "When to assess again, YYYY-MM-DD.") var nextDue: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        ["instrument": .string(instrument), "outcome": .string(outcome), "nextDueOn": .string(nextDue), "assessedOn": .string(day.value)]
    }
}

struct ConsultGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consult", abstract: "Consultations (meldcode step 2).",
        subcommands: [RecordConsultation.self])
}

struct RecordConsultation: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a consultation on signals.")
    static let wireName = "record-consultation"
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("signal"), help: "A signal id (repeat for more).") var signals: [String]
    @Option(name: .customLong("party"), help: "A party consulted, e.g. attention-officer, veilig-thuis-advice (repeat).") var parties: [String]
    @OptionGroup var day: DayOption
    @Option(help: "The advice given (sealed).") var advice: String?
    func body() -> JSONValue {
        .fields(["signalIDs": .strings(signals), "parties": .strings(parties), "heldOn": .string(day.value), "personal": .note(advice)])
    }
}

struct ConversationGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversation", abstract: "The talk with the client (meldcode step 3).",
        subcommands: [RecordConversation.self, SkipConversation.self])
}

struct RecordConversation: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a conversation with the youth or parents.")
    static let wireName = "record-conversation"
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("signal"), help: "A signal id (repeat for more).") var signals: [String]
    @Option(name: .customLong("participant"), help: "youth, parents or guardian (repeat).") var participants: [String]
    @OptionGroup var day: DayOption
    @Option(help: "What was said (sealed).") var note: String?
    func body() -> JSONValue {
        .fields([
            "signalIDs": .strings(signals), "participants": .strings(participants), "heldOn": .string(day.value),
            "personal": .note(note),
        ])
    }
}

struct SkipConversation: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "skip", abstract: "Record why the conversation is skipped.")
    static let wireName = "skip-conversation"
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("signal"), help: "A signal id (repeat for more).") var signals: [String]
    @Option(help: "safety-of-child, safety-of-professional, safety-of-others or risk-of-losing-contact.") var reason: String
    @OptionGroup var day: DayOption
    @Option(help: "The circumstances (sealed).") var note: String?
    func body() -> JSONValue {
        .fields(["signalIDs": .strings(signals), "reason": .string(reason), "decidedOn": .string(day.value), "personal": .note(note)])
    }
}

struct Weigh: CaseCommandLine {
    static let configuration = CommandConfiguration(
        abstract: "Record the weighing with the afwegingskader (meldcode steps 4 and 5).",
        discussion: "Answer the five questions; the norm (N1, N2, N3) follows from the answers.")
    static let wireName = "weigh"
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("signal"), help: "A signal id (repeat for more).") var signals: [String]
    @Flag(inversion: .prefixedNo, help: "1. Is there a suspicion?") var suspicion: Bool
    @Flag(inversion: .prefixedNo, help: "2. Is there acute or structural unsafety?") var unsafety: Bool
    @Flag(inversion: .prefixedNo, help: "3. Can you offer or arrange effective help?") var effectiveHelp: Bool
    @Flag(inversion: .prefixedNo, help: "4. Is the help accepted? Leave out when no help is offered.") var helpAccepted: Bool?
    @Flag(inversion: .prefixedNo, help: "5. Does the help bring safety in time? Leave out when not known yet.") var helpSafe: Bool?
    @Option(help: "report, help, report-and-help or no-further-action.") var decision: String
    @OptionGroup var day: DayOption
    @Option(help: "The day agreed to evaluate the help decided on, YYYY-MM-DD; the protocol's period by default.") var evaluateOn: String?
    @Option(help: "The reasoning (sealed).") var note: String?
    func body() -> JSONValue {
        .fields([
            "signalIDs": .strings(signals), "decision": .string(decision), "weighedOn": .string(day.value),
            "evaluateOn": evaluateOn.map(JSONValue.string),
            "answers": .fields([
                "suspicion": .bool(suspicion), "acuteOrStructuralUnsafety": .bool(unsafety),
                "canOfferEffectiveHelp": .bool(effectiveHelp), "helpAccepted": helpAccepted.map(JSONValue.bool),
                "helpProducesSafety": helpSafe.map(JSONValue.bool),
            ]),
            "personal": .note(note),
        ])
    }
}
