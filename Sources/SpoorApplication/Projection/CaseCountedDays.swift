import SpoorDomain
import SpoorLedger

/// The statistics' index (a ``DayIndex``), kept in the same transaction as the case by the
/// projector and by a rebuild: `counted/<day>/<case id>` ‖ 0 ‖ part, for each day on which a signal
/// not retracted or a screening of that part of the case falls, the only cases the figures count.
/// The statistics of a period read the cases of its days, not every case ever opened; without a
/// period, the cases that count. A signal on a case of a thousand rewrites one chunk's keys.
enum CaseCountedDays {
    static let index = DayIndex("counted/")

    /// The records that bring the index from `before` to `after`, of the parts the events
    /// `changed`: none when those are neither signals nor screenings (most commands).
    static func records(caseID: String, before: CaseState?, after: CaseState, changed: [CaseState.Part]) -> [ProjectionRecord] {
        let parts = changed.filter { $0.list == .signals || $0.list == .screenings }
        guard !parts.isEmpty else { return [] }
        var (was, now): (Set<[UInt8]>, Set<[UInt8]>) = ([], [])
        for part in parts {
            if let before, before.has(part) { was.formUnion(index.keys(days(of: part, in: before), of: caseID, part: part.name)) }
            now.formUnion(index.keys(days(of: part, in: after), of: caseID, part: part.name))  // a part begun had no days
        }
        return index.records(from: was, to: now)
    }

    /// The days the part counts the case on, as its digest has them.
    private static func days(of part: CaseState.Part, in state: CaseState) -> Set<Day> {
        switch part.list {
        case .signals:
            let signals = state.signals.all.chunk(part.chunk)
            return Set(signals.indices.lazy.filter { !signals[$0].isRetracted }.map { signals[$0].recorded.observedOn })
        case .screenings: return Set(state.screenings.chunk(part.chunk).map(\.screenedOn))
        default: return []
        }
    }

    /// The cases with a signal or a screening from `from` through `to` (either open), each once.
    static func cases(from: Day?, through to: Day?, in ledger: Ledger) throws -> [String] {
        try index.cases(from: from, through: to, in: ledger)
    }
}
