import ArgumentParser
import SpoorProtocol

struct LinkCase: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Record that another case is of the same youth, or with --not-same that it is not (officers).",
        discussion: "The statistics count linked cases as one youth, and a registration in one counts for the other. --not-same overrules the blind index where it took two youths for one.")
    static let wireName = "link-case"
    @OptionGroup var target: CaseTarget
    @Option(help: "The other case.") var other: String
    @Flag(help: "The other case is of another youth.") var notSame = false
    @Option(help: "How it is known (sealed).") var reason: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields(["otherCase": .string(other), "same": .bool(!notSame), "personal": .note(reason), "linkedOn": .string(day.value)])
    }
}
