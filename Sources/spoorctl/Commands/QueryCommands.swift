import ArgumentParser
import SpoorProtocol

struct WorklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worklist", abstract: "What needs doing across all cases, oldest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Judge deadlines on this day, YYYY-MM-DD; today by default.") var on: String?
    @Option(help: "Days a signal may wait for a consultation; the daemon's setting by default.") var followUpDays: Int?

    func run() throws {
        try global.run({ try $0.call(.worklist, JSONValue(encoding: WorklistParams(on: on, signalFollowUpDays: followUpDays))) }) { result in
            Output.table(["since", "case", "kind", "detail"], (result["items"]?.array ?? []).map { item in
                ["since", "case", "kind", "detail"].map { Output.text(item[$0]) }
            })
        }
    }
}

struct TraceSignal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trace", abstract: "Every event that touched a signal: what, who, role, when, position.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.") var caseID: String
    @Option(help: "The signal id, e.g. signal-1.") var signal: String

    func run() throws {
        try global.run({ try $0.call(.auditTrace, JSONValue(encoding: TraceParams(case: caseID, signal: signal))) }) { result in
            Output.table(["position", "day", "actor", "role", "what"], (result["entries"]?.array ?? []).map { entry in
                ["position", "recordedOn", "actor", "role", "what"].map { Output.text(entry[$0]) }
            })
        }
    }
}

struct StatsCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Anonymous statistics along the slachtoffermonitor's dimensions.",
        discussion: "Counts signals observed in the period and how far they got: consulted, reported, registered; with the median days to each step.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD.") var to: String?
    @Option(help: "Group by: form, age-group, gender, nationality, unit, month, year (repeat or separate with commas).")
    var by: [String] = []
    @Option(help: "table, csv or json.") var format: Format = .table

    func run() throws {
        let dimensions = by.flatMap { $0.split(separator: ",").map(String.init) }
        var global = global
        if format == .json { global.json = true }
        try global.run({ try $0.call(.stats, JSONValue(encoding: StatsParams(from: from, to: to, by: dimensions))) }) { result in
            let figures = ["signals", "consulted", "reported", "registered", "medianDaysToConsultation", "medianDaysToReport", "medianDaysToRegistration"]
            let rows = (result["rows"]?.array ?? []).map { row in
                dimensions.map { Output.text(row["group"]?[$0]) } + figures.map { Output.text(row[$0]) }
            }
            let header = dimensions + ["signals", "consulted", "reported", "registered", "days to consult", "days to report", "days to register"]
            return format == .csv ? Output.csv(dimensions + figures, rows) : Output.table(header, rows)
        }
    }
}
