import SpoorDomain
import SpoorLedger

/// The statistics' index, kept in the same transaction as the case by the projector and by a
/// rebuild: `counted/<day>/<case id>` for each day on which the case has a signal not retracted or
/// a screening, the only cases the figures count. The statistics of a period read the cases of
/// its days, not every case ever opened; without a period, the cases that count.
enum CaseCountedDays {
    static let prefix = Array("counted/".utf8)

    /// The records that bring the index from `before` to `after`: none when the events changed
    /// neither the signals nor the screenings (most commands; a case's other lists are not read).
    static func records(caseID: String, before: CaseState?, after: CaseState) -> [ProjectionRecord] {
        if let before, !after.parts(changedSince: before).contains(where: { $0.list == .signals || $0.list == .screenings }) { return [] }
        let (was, now) = (before.map(days) ?? [], days(of: after))
        func key(_ day: Day) -> [UInt8] { prefix + Array(day.description.utf8) + [UInt8(ascii: "/")] + Array(caseID.utf8) }
        return was.subtracting(now).sorted().map { .deletion(of: key($0)) }
            + now.subtracting(was).sorted().map { ProjectionRecord(key: key($0), value: []) }
    }

    /// The days the statistics may count the case on, as its digest has them.
    static func days(of state: CaseState) -> Set<Day> {
        Set(state.signals.all.lazy.filter { !$0.isRetracted }.map(\.recorded.observedOn)).union(state.screenings.lazy.map(\.screenedOn))
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
                let caseID = String(decoding: record.key.dropFirst(prefix.count + "YYYY-MM-DD/".utf8.count), as: UTF8.self)
                if seen.insert(caseID).inserted { found.append(caseID) }
            }
            guard page.count == 4_096 else { return found }
            after = page.last?.key
        }
    }
}
