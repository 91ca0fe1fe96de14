import ArgumentParser
import SpoorProof
import SpoorProtocol

struct WorklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worklist", abstract: "What needs doing across all cases: what is overdue first, oldest first; then what is due, soonest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Judge deadlines on this day, YYYY-MM-DD; today by default.") var on: String?
    @Flag(help: "Only what is due for your roles.") var mine = false
    @Option(help: "Only the cases of this unit; repeat for more.", completion: Completions.units) var unit: [String] = []
    @Option(help: "List at most this many items, overdue first (1 to 10000; 1000 by default).") var limit: Int?
    @Flag(help: "Only what is overdue, or waits with no deadline.") var overdue = false

    func run() throws {
        let params = WorklistParams(on: on, mine: mine ? true : nil, units: unit.isEmpty ? nil : unit, limit: limit, overdue: overdue ? true : nil)
        try global.run(.worklist, params, as: WorklistReply.self) { reply in
            var table = Output.table(
                ["state", "since", "due", "who", "case", "kind", "detail"],
                reply.items.map { item in
                    [item.overdue ? "overdue" : "due", item.since, item.dueOn ?? "-", item.responsible, item.case, item.kind, item.detail]
                })
            if reply.total > reply.items.count { table += "\n\(reply.items.count) of \(reply.total) items shown, overdue first; see --limit" }
            if reply.elsewhere > 0 { table += "\n\(reply.elsewhere) more items on cases you have no care relationship with" }
            return table
        }
    }
}

struct TraceSignal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "Every event that touched a signal: what, who, role, when, position.",
        discussion: """
            With --prove, each event comes with its inclusion proof, checked here against a checkpoint you hold; with --out DIR \
            too, the checkpoint, the trail and each proof are written there, for `audit verify-trace DIR` to check offline.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "The case id.", completion: Completions.cases) var caseID: String
    @Option(help: "The signal id, e.g. signal-1.") var signal: String
    @Flag(help: "Prove each event's inclusion in the log of the checkpoint (needs --checkpoint and --key).") var prove = false
    @Option(name: .customLong("checkpoint"), help: "A checkpoint file from `audit checkpoint --out`.") var checkpointFile: String?
    @Option(help: "The log's verifier key.") var key: String?
    @Option(help: "text, or html: one self-contained page with the timeline and each proof's result.") var format: TraceFormat = .text
    @Option(help: ArgumentHelp("With --prove: write the checkpoint, the trail and each proof to this folder.", valueName: "folder")) var out: String?
    @OptionGroup var page: LanguageOption

    enum TraceFormat: String, ExpressibleByArgument, CaseIterable { case text, html }

    func validate() throws {
        guard !prove || (checkpointFile != nil && key != nil) else { throw ValidationError("--prove needs --checkpoint and --key") }
        guard out == nil || prove else { throw ValidationError("--out writes the proofs of --prove: give both") }
    }

    func run() throws {
        let held = try prove ? CheckpointOptions.parse(["--key", key!]).read(checkpointFile!) : nil
        try global.run({ client in
            let reply = try client.call(.auditTrace, JSONValue(encoding: TraceParams(case: caseID, signal: signal)), as: TraceReply.self)
            var trace = try JSONValue(encoding: reply)
            guard let held, case .object(var object) = trace else { return trace }
            let folder = try out.map { try TraceFolder(creating: $0, checkpoint: checkpointFile!, trace: reply) }
            object["entries"] = .array(
                try (trace["entries"]?.array ?? []).map { entry in
                    try Self.proved(entry, by: client, against: held, keepingIn: folder)
                })
            trace = .object(object)
            return trace
        }) { result in
            if format == .html {
                return TracePage.render(result, caseID: caseID, signal: signal, held: held.map { ($0, key!) }, language: page.language)
            }
            return Output.table(
                ["position", "recorded (UTC)", "happened", "actor", "role", "what"] + (prove ? ["proof"] : []),
                (result["entries"]?.array ?? []).map { entry in
                    ["position", "recordedAt", "happenedOn"].map { Output.text(entry[$0]) } + [Render.who(entry)]
                        + ["role", "what"].map { Output.text(entry[$0]) } + (prove ? [Output.text(entry["proof"])] : [])
                }) + (out.map { "\nthe checkpoint, the trail and each proof are in \($0): check them with audit verify-trace \($0) --key …" } ?? "")
        }
    }

    /// `entry` with its proof checked: "verified", or "after the checkpoint" for a later event; the
    /// proof kept in `folder` when there is one.
    static func proved(_ entry: JSONValue, by client: SocketClient, against held: Checkpoint, keepingIn folder: TraceFolder? = nil) throws
        -> JSONValue
    {
        guard case .object(var object) = entry, let position = entry["position"]?.number.map(UInt64.init) else { return entry }
        if position > held.head.size {
            object["proof"] = "after the checkpoint"
        } else {
            let proof = try client.call(
                .auditProve, JSONValue(encoding: ProveParams(position: position, treeSize: held.head.size)), as: ProveReply.self)
            let event = try ProofCheck.inclusion(proof, against: held)
            try folder?.keep(proof)
            // The row shown is the proved event's, field by field, not the daemon's word for it.
            guard entry["actor"]?.string == event.actor.name, entry["onBehalfOf"]?.string == event.onBehalfOf, entry["role"]?.string == event.role,
                entry["type"]?.string == event.type
            else {
                throw AuditFailure(
                    message:
                        "the trace shows position \(position) otherwise than the proved event: \(event.type) by \(event.actor.name) as \(event.role)")
            }
            object["proof"] = "verified"
        }
        return .object(object)
    }
}

struct StatsCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }

    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Anonymous statistics along the slachtoffermonitor's dimensions.",
        discussion:
            """
            Counts signals observed in the period and how far they got: consulted, reported, registered; with the median days to each step. Then \
            per youth: how many, how many screened, the consent funnel, the kind of registration or why not, the reasons declined and the \
            parties whose refusal stands. For roles without care access, counts under the protocol's threshold show as <N.
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD.") var to: String?
    @Option(help: "Group by: form, age-group, age, gender, nationality, country, border, region, unit, month, year (repeat or separate with commas).")
    var by: [String] = []
    @Option(help: "table, csv, json, or html: one self-contained page with charts (funnel, form, age group, month) and the table.")
    var format: Format = .table
    @OptionGroup var page: LanguageOption

    func run() throws {
        let dimensions = by.flatMap { $0.split(separator: ",").map(String.init) }
        if format == .html {
            guard
                let page = try global.fetch({ client in
                    func stats(_ by: [String]) throws -> StatsReply {
                        try client.call(.stats, JSONValue(encoding: StatsParams(from: from, to: to, by: by)), as: StatsReply.self)
                    }
                    return .string(
                        StatsPage.render(
                            totals: try stats([]), byForm: try stats(["form"]), byAge: try stats(["age-group"]),
                            byMonth: try stats(["month"]), from: from, to: to, language: page.language))
                })?.string
            else { return }
            return print(page, terminator: "")
        }
        var global = global
        if format == .json { global.json = true }
        try global.run(.stats, StatsParams(from: from, to: to, by: dimensions), as: StatsReply.self) { reply in
            let rows = reply.rows.map { row in
                dimensions.map { row.group[$0] ?? "-" } + [row.youths, row.signals, row.consulted, row.reported, row.registered].map(\.description)
                    + [row.medianDaysToConsultation, row.medianDaysToReport, row.medianDaysToRegistration].map(Self.days)
            }
            let figures = [
                "youths", "signals", "consulted", "reported", "registered", "medianDaysToConsultation", "medianDaysToReport",
                "medianDaysToRegistration",
            ]
            guard format == .table else { return Output.csv(dimensions + figures, rows) }
            let header =
                dimensions + ["youths", "signals", "consulted", "reported", "registered", "days to consult", "days to report", "days to register"]
            // Per youth: how many, screened, reported, where consent got, how registered or why not, why declined, refused by whom.
            let youths = reply.youths.map { row in
                dimensions.map { row.group[$0] ?? "-" } + [row.youths, row.screened, row.reported].map(\.description)
                    + [row.consent, row.registration, row.declined, row.refused].map {
                        $0.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    }
            }
            return Output.table(header, rows) + "\n\nper youth:\n"
                + Output.table(dimensions + ["youths", "screened", "reported", "consent", "registration", "declined", "refused by"], youths)
                + Self.note(reply)
        }
    }

    static func days(_ median: Double?) -> String { median.map { Output.text(.number($0)) } ?? "-" }

    /// What the reader should know of how the figures were protected.
    static func note(_ reply: StatsReply) -> String {
        guard let threshold = reply.suppressedBelow else { return "\n(exact figures of the cases of the units you care for)" }
        var note = "\n(protected for roles without care access: x hides a count under \(threshold), or one it could be worked out from"
        if reply.mergedGroups > 0 {
            note += "; \(reply.mergedGroups) group\(reply.mergedGroups == 1 ? "" : "s") of fewer than \(threshold) youths merged into other"
        }
        if reply.breakdownsWithheld { note += "; consent and registration per youth are shown without --by only" }
        return note + ")"
    }
}
