import ArgumentParser
import SpoorProtocol

struct SignalGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal", abstract: "Record, retract, correct and forward signals (meldcode step 1).",
        subcommands: [RecordSignal.self, RetractSignal.self, CorrectSignal.self, ForwardSignal.self])
}

struct RecordSignal: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a signal of possible exploitation.")
    static let wireName = "record-signal"
    static let flags = [
        "formsOfExploitation": "--form", "indicators": "--indicator", "nature": "--nature", "source": "--source",
        "reportedBy": "--reported-by", "observedOn": "--observed-on", "personal": "--note",
    ]
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("form"), help: "A form of exploitation from the catalogue (repeat for more).", completion: Completions.forms) var forms:
        [String] = []
    @Option(name: .customLong("indicator"), help: "A signal category from the catalogue (repeat for more).") var indicators: [String] = []
    @Option(help: "gut-feeling or concrete.", completion: Completions.nature) var nature: String
    @Option(help: "own-observation or reported-by-other.") var source: String = "own-observation"
    @Option(help: "Who reported it, when it is not your own observation.") var reportedBy: String?
    @Option(help: "YYYY-MM-DD, today by default.") var observedOn: String?
    @Flag(inversion: .prefixedNo, help: "Whether the exploitation crosses a border (--no-cross-border: domestic); leave out when not known.")
    var crossBorder: Bool?
    @Option(help: "What was seen, as fact (sealed).") var note: String?

    func body() -> JSONValue {
        .fields([
            "formsOfExploitation": .strings(forms), "indicators": .strings(indicators), "nature": .string(nature),
            "source": .string(source), "reportedBy": reportedBy.map(JSONValue.string), "crossBorder": crossBorder.map(JSONValue.bool),
            "observedOn": .string(observedOn ?? today()), "personal": .note(note),
        ])
    }
}

struct RetractSignal: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "retract", abstract: "Retract a signal recorded in error.")
    static let wireName = "retract-signal"
    @OptionGroup var target: CaseTarget
    @Option(help: "The signal id, e.g. signal-1.") var signal: String
    @OptionGroup var day: DayOption
    @Option(help: "Why (sealed).") var note: String?
    func body() -> JSONValue { .fields(["signalID": .string(signal), "retractedOn": .string(day.value), "personal": .note(note)]) }
}

struct CorrectSignal: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "correct", abstract: "Correct the forms or indicators of a signal.")
    static let wireName = "correct-signal"
    @OptionGroup var target: CaseTarget
    @Option(help: "The signal id.") var signal: String
    @Option(name: .customLong("form"), help: "A form of exploitation (repeat for more).", completion: Completions.forms) var forms: [String] = []
    @Option(name: .customLong("indicator"), help: "A signal category (repeat for more).") var indicators: [String] = []
    @OptionGroup var day: DayOption
    @Option(help: "The corrected account (sealed).") var note: String?
    func body() -> JSONValue {
        .fields([
            "signalID": .string(signal), "formsOfExploitation": .strings(forms), "indicators": .strings(indicators),
            "correctedOn": .string(day.value), "personal": .note(note),
        ])
    }
}

struct ForwardSignal: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "forward", abstract: "Record that signals were passed on, inside or outside the institution.")
    static let wireName = "forward-signal"
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("signal"), help: "A signal id (repeat for more).") var signals: [String]
    @Option(help: "The recipient, from the catalogue, e.g. care-coordinator.") var to: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["signalIDs": .strings(signals), "recipient": .string(to), "forwardedOn": .string(day.value)] }
}
