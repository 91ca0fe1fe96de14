import ArgumentParser
import Foundation
import SpoorProtocol

struct SubjectGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject", abstract: "The rights of the youth and parents over their data (privacy officer).",
        subcommands: [EraseSubject.self, ExportSubject.self])
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

struct ExportSubject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "The whole case, decrypted, for the youth or parents (inzage); the export is recorded.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.") var caseID: String
    @Option(help: "Write the case as JSON to this file, and as a readable document to FILE.md.") var out: String

    func run() throws {
        try global.run({ client in
            let export = try client.call(.subjectExport, JSONValue(encoding: CaseParams(case: caseID)))
            try Output.writePrivate(Output.json(export), to: out)
            try Output.writePrivate(export["document"]?.string ?? "", to: out + ".md")
            return export
        }) { export in "exported case \(caseID): \(export["events"]?.array?.count ?? 0) events to \(out) and \(out).md" }
    }
}
