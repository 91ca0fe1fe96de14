import SpoorDomain
import SpoorLedger

/// The statistics' index, kept in the same transaction as the case by the projector and by a
/// rebuild: `counted/<day>/<case id>` ‖ 0 ‖ part, for each day on which a signal not retracted or
/// a screening of that part of the case falls, the only cases the figures count. The statistics of
/// a period read the cases of its days, not every case ever opened; without a period, the cases
/// that count. Per part, as the worklist's index: a command rewrites the keys of the chunks it
/// changed, so a signal on a case of a thousand costs what it costs on a case of ten.
enum CaseCountedDays {
    static let prefix = Array("counted/".utf8)

    /// The records that bring the index from `before` to `after`, of the parts the events
    /// `changed`: none when those are neither signals nor screenings (most commands).
    static func records(caseID: String, before: CaseState?, after: CaseState, changed: [CaseState.Part]) -> [ProjectionRecord] {
        let parts = changed.filter { $0.list == .signals || $0.list == .screenings }
        guard !parts.isEmpty else { return [] }
        var (was, now): (Set<[UInt8]>, Set<[UInt8]>) = ([], [])
        for part in parts {
            if let before, before.has(part) { was.formUnion(keys(caseID, part, in: before)) }  // a part begun had no days
            now.formUnion(keys(caseID, part, in: after))
        }
        return was.subtracting(now).sorted(by: { $0.lexicographicallyPrecedes($1) }).map(ProjectionRecord.deletion(of:))
            + now.subtracting(was).sorted(by: { $0.lexicographicallyPrecedes($1) }).map { ProjectionRecord(key: $0, value: []) }
    }

    /// One key per day the part counts the case on, as its digest has them: the days first, then
    /// a key for each (a chunk's 64 signals mostly share a few days).
    private static func keys(_ caseID: String, _ part: CaseState.Part, in state: CaseState) -> Set<[UInt8]> {
        var days: Set<Day> = []
        switch part.list {
        case .signals:
            let signals = state.signals.all.chunk(part.chunk)
            for index in signals.indices where !signals[index].isRetracted { days.insert(signals[index].recorded.observedOn) }
        case .screenings: days = Set(state.screenings.chunk(part.chunk).map(\.screenedOn))
        default: break
        }
        return Set(days.map { prefix + Array($0.description.utf8) + [UInt8(ascii: "/")] + Array(caseID.utf8) + [0] + part.name })
    }

    /// The cases with a signal or a screening from `from` through `to` (either open), each once.
    static func cases(from: Day?, through to: Day?, in ledger: Ledger) throws -> [String] {
        let end = to.map { prefix + Array($0.description.utf8) + [UInt8(ascii: "/") + 1] }
        var found: [String] = []
        var seen: Set<String> = []
        var after = from.map { prefix + Array($0.description.utf8) }  // read from its ‖ 0, which sorts before its "/"
        while true {
            let page = try ledger.projectionRecords(withPrefix: prefix, after: after, limit: 4_096)
            for record in page {
                if let end, !record.key.lexicographicallyPrecedes(end) { return found }
                let caseID = String(decoding: record.key.dropFirst(prefix.count + "YYYY-MM-DD/".utf8.count).prefix { $0 != 0 }, as: UTF8.self)
                if seen.insert(caseID).inserted { found.append(caseID) }
            }
            guard page.count == 4_096 else { return found }
            after = page.last?.key
        }
    }
}
