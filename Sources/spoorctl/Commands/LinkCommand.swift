import ArgumentParser
import SpoorProtocol

struct LinkCase: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Record that another case is of the same youth, or with --not-same that it is not (officers).",
        discussion:
            """
            The statistics count linked cases as one youth, and a registration in one counts for the other. --not-same overrules the blind index \
            where it took two youths for one.
            """
    )
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

/// `case unlink`: the word an officer looks for to say two cases are not one youth; the same event
/// as `case link --not-same`.
struct UnlinkCase: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "unlink", abstract: "Record that another case is not of the same youth, though linked or matched before (officers).",
        discussion: "The same as `case link --not-same`: it overrules a link and the blind index, for registrations and the statistics.")
    static let wireName = "link-case"
    @OptionGroup var target: CaseTarget
    @Option(help: "The other case.") var other: String
    @Option(help: "How it is known (sealed).") var reason: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields(["otherCase": .string(other), "same": .bool(false), "personal": .note(reason), "linkedOn": .string(day.value)])
    }
}
