import ArgumentParser
import Foundation
import SpoorProtocol

struct SubjectGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject", abstract: "The rights of the youth and parents over their data (privacy officer).",
        subcommands: [RequestErasure.self, EraseSubject.self, ExportSubject.self])
}

struct RequestErasure: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "erasure-request", abstract: "Record a request to erase the dossier; the protocol's period (three months by law) runs from it.",
        discussion: "The worklist reminds the privacy officer before the deadline, until the data is erased.")
    static let wireName = "request-erasure"
    @OptionGroup var target: CaseTarget
    @Option(help: "Who asked: youth, parent, other-parent or guardian.") var by: String
    @Option(help: "The request's reference.") var reference: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        var body: [String: JSONValue] = ["requestedOn": .string(day.value), "by": .string(by)]
        body["reference"] = reference.map(JSONValue.string)
        return .object(body)
    }
}

struct EraseSubject: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a case's personal data: its key and every sealed part, in one transaction.",
        discussion: "The case's skeleton, the statistics, the hash chain and every proof stay whole. It cannot be undone.")
    static let wireName = "erase-personal-data"
    @OptionGroup var target: CaseTarget
    @Option(help: "request (the youth or parents asked) or retention (the period ended).") var basis: String
    @Option(help: "The request's reference, or the retention rule applied.") var reason: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["basis": .string(basis), "reason": .string(reason), "erasedOn": .string(day.value)] }
}

struct ExportSubject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "The whole case, decrypted, for the youth or parents (inzage); the export is recorded.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.", completion: Completions.cases) var caseID: String
    @Option(help: "Write the case as JSON to this file, and as a letter to read to FILE.md.") var out: String
    @Option(help: "The letter's language: nl (plain Dutch, the default) or en.") var language: String?
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("youth (12 and over) or parent: who reads it, as WGBO art. 7:465 gives access.", valueName: "reader"))
    var reader: String = "youth"
    @Flag(help: "For a parent of a youth of 12 to 15: informing them does not go against good care (BW art. 7:465 with 7:453).")
    var notAgainstGoodCare = false
    @Flag(help: "For a parent: the youth agreed that they read it (BW art. 7:457); needed from 16.") var youthConsented = false
    @Option(
        help: ArgumentHelp(
            "A staff note you read and release: it names no one else. Notes are withheld otherwise; repeat for more.", valueName: "position"))
    var release: [UInt64] = []

    func validate() throws {
        guard reader == "parent" || !(notAgainstGoodCare || youthConsented) else {
            throw ValidationError("--not-against-good-care and --youth-consented are statements about a parent's access: give them with --for parent")
        }
    }

    func run() throws {
        try global.run({ client in
            let params = SubjectExportParams(
                case: caseID, language: language, for: reader, notAgainstGoodCare: notAgainstGoodCare ? true : nil,
                youthConsented: youthConsented ? true : nil, release: release.isEmpty ? nil : release)
            let export = try client.call(.subjectExport, JSONValue(encoding: params), as: SubjectExportReply.self)
            try Output.writePrivate(Output.json(try JSONValue(encoding: export)), to: out)
            try Output.writePrivate(export.document, to: out + ".md")
            return export
        }) { export in
            "exported case \(caseID) for the \(export.for) (\(export.ground)): \(export.events.count) events to \(out) and \(out).md"
                + (export.withheld.isEmpty
                    ? ""
                    : """
                    ; staff notes withheld at positions \(export.withheld.map(String.init).joined(separator: ", ")) (read them, then --release \
                    those that name no one else)
                    """)
        }
    }
}

struct AccessGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Who read a case's personal content, and the review of emergency reads.",
        subcommands: [AccessLog.self, ReviewEmergency.self])
}

struct AccessLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Every read and export of a case: who, when, role, ground (privacy officer, auditor).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.", completion: Completions.cases) var caseID: String

    func run() throws {
        try global.run(.accessLog, CaseParams(case: caseID), as: AccessLogReply.self) { result in
            Output.table(
                ["when", "who", "role", "what", "ground", "reason"],
                result.entries.map { entry in
                    [entry.recordedAt, entry.actor, entry.role, entry.what, entry.ground, entry.reason ?? ""]
                })
        }
    }
}

struct ReviewEmergency: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "review", abstract: "Record the review of an emergency read (privacy officer).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The emergency-access event's id, as the worklist names it.") var event: String
    @Option(help: "What the review found.") var note: String

    func run() throws {
        try global.run(.accessReview, AccessReviewParams(event: event, note: note), as: AccessReviewReply.self) { reply in
            "reviewed the emergency read \(reply.event) of case \(reply.case)"
        }
    }
}
