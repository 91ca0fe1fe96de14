import SpoorDomain
import SpoorLedger

/// The worklist's index (a ``DayIndex``), kept in the same transaction as the case by the projector
/// and by a rebuild: `worklist/<day>/<case id>` ‖ 0 ‖ part, for each day from which an item of that
/// part of the case is listed (the digest's head: an empty part). What is overdue today is a range
/// read up to today, and the worklist reads the digests of the cases with items, not those of every
/// case ever opened.
enum CaseWorklist {
    static let index = DayIndex("worklist/")

    /// The records that bring the index from `before` to `after`: only the head and the parts the
    /// events `changed`, unless the case opened or closed, which lists or unlists items of every part.
    static func records(caseID: String, before: CaseState?, after: CaseState, changed: [CaseState.Part]) -> [ProjectionRecord] {
        let parts = before.map { $0.isOpen == after.isOpen ? changed : after.parts } ?? after.parts
        var was = before.map { keys(caseID, part: [], pending: $0.pendingOfCase(), in: $0) } ?? []
        var now = keys(caseID, part: [], pending: after.pendingOfCase(), in: after)
        for part in parts {
            if let before, before.has(part) {  // a part the events began has no items before
                was.formUnion(keys(caseID, part: part.name, pending: before.pending(in: part), in: before))
            }
            now.formUnion(keys(caseID, part: part.name, pending: after.pending(in: part), in: after))
        }
        return index.records(from: was, to: now)
    }

    /// One key per day from which an item of the part is listed, while the case lists it.
    private static func keys(_ caseID: String, part: [UInt8], pending: [CaseDigest.Pending], in state: CaseState) -> Set<[UInt8]> {
        index.keys(Set(pending.lazy.filter { state.isOpen || $0.kind.outlivesClosing }.map(\.listFrom)), of: caseID, part: part)
    }

    /// The cases with an item listed from `day` or earlier (with every item, without a day), each once.
    static func cases(listedThrough day: Day?, in ledger: Ledger) throws -> [String] {
        try index.cases(from: nil, through: day, in: ledger)
    }
}
