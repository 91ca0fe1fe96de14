import ArgumentParser
import SpoorProtocol

struct SubjectGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject", abstract: "The rights of the youth and parents over their data (privacy officer).",
        subcommands: [EraseSubject.self])
}

struct EraseSubject: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a case's personal data: its key and every sealed part, in one transaction.",
        discussion: "The case's skeleton, the statistics, the hash chain and every proof stay whole. It cannot be undone.")
    static let wireName = "erase-personal-data"
    @OptionGroup var target: CaseTarget
    @Option(help: "request (the youth or parents asked) or retention (the period ended).") var basis: String
    @Option(help: "The request's reference, or the retention rule applied.") var reason: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["basis": .string(basis), "reason": .string(reason), "erasedOn": .string(on ?? today())] }
}
