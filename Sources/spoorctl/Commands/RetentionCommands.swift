import ArgumentParser
import Foundation
import SpoorProtocol

struct RetentionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Cases past the protocol's retention period (20 years after their last change by law), and legal holds.",
        subcommands: [RetentionDue.self, RetentionApply.self, PlaceHold.self, LiftHold.self])
}

struct RetentionDue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: "List the cases whose personal data must be erased.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Judge on this day, YYYY-MM-DD; today by default.") var on: String?

    func run() throws {
        try global.run(.retentionDue, RetentionParams(on: on), as: RetentionDueReply.self) { r in
            let held = r.held.map { [$0.case, $0.lastChangedOn, $0.heldFor ?? "", $0.heldUntil ?? "-"] }
            return Output.table(["case", "last change"], r.cases.map { [$0.case, $0.lastChangedOn] })
                + (held.isEmpty ? "" : "\n\nkept by a legal hold:\n" + Output.table(["case", "last change", "held for", "until"], held))
        }
    }
}

struct RetentionApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Erase the personal data of every case past retention; a dry run unless --yes.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Judge on this day, YYYY-MM-DD; today by default.") var on: String?
    @Flag(help: "Erase for real. Without it, only say what would be erased.") var yes = false

    func run() throws {
        try global.run(.retentionApply, RetentionParams(on: on, confirm: yes), as: RetentionApplyReply.self) { r in
            if r.dryRun {
                let cases = (r.cases ?? []).map(\.case)
                return cases.isEmpty
                    ? "nothing is past retention" : "would erase \(cases.count) cases: \(cases.joined(separator: ", ")) (run with --yes to erase)"
            }
            return "erased: \((r.erased ?? []).joined(separator: ", "))"
        }
    }
}

struct PlaceHold: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Keep a case's personal data beyond retention or a request to erase, for a reason of the protocol's.",
        discussion: "The reasons are the protocol's retention.holdReasons (spoorctl protocol show). A hold answers an open request to erase.")
    static let wireName = "place-legal-hold"
    @OptionGroup var target: CaseTarget
    @Option(help: "A hold reason's id: longer-for-care, interest-of-another, required-by-law in the built-in protocol.") var reason: String
    @Option(help: "The last day it holds, YYYY-MM-DD; until lifted by default.") var until: String?
    @Option(help: "Why the dossier is kept (sealed).") var note: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields(["reason": .string(reason), "placedOn": .string(day.value), "until": until.map(JSONValue.string), "personal": .note(note)])
    }
}

struct LiftHold: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Lift a case's legal hold: retention and erasure apply again.")
    static let wireName = "lift-legal-hold"
    @OptionGroup var target: CaseTarget
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["liftedOn": .string(day.value)] }
}
