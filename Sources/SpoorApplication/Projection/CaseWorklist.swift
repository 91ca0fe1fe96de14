import SpoorDomain
import SpoorLedger

/// The worklist's index, kept in the same transaction as the case by the projector and by a
/// rebuild: `worklist/<day>/<case id>` ‖ 0 ‖ part, for each day from which an item of that part of
/// the case is listed (the digest's head: an empty part). The day an item is listed from does not
/// move as time passes, so what is overdue today is a range read up to today, and the worklist
/// reads the digests of the cases with items, not those of every case ever opened.
enum CaseWorklist {
    static let prefix = Array("worklist/".utf8)

    /// The records that bring the index from `before` to `after`: only the head and the parts the
    /// events `changed`, unless the case opened or closed, which lists or unlists items of every part.
    static func records(caseID: String, before: CaseState?, after: CaseState, changed: [CaseState.Part]) -> [ProjectionRecord] {
        let parts = before.map { $0.isOpen == after.isOpen ? changed : after.parts } ?? after.parts
        var was = before.map { keys(caseID, part: [], pending: $0.pendingOfCase(), in: $0) } ?? []
        var now = keys(caseID, part: [], pending: after.pendingOfCase(), in: after)
        for part in parts {
            if let before, before.has(part) {  // a part the events began has no items before
                was.formUnion(keys(caseID, part: part.name, pending: before.digestPart(of: part)?.pending ?? [], in: before))
            }
            now.formUnion(keys(caseID, part: part.name, pending: after.digestPart(of: part)?.pending ?? [], in: after))
        }
        return was.subtracting(now).sorted(by: { $0.lexicographicallyPrecedes($1) }).map(ProjectionRecord.deletion(of:))
            + now.subtracting(was).sorted(by: { $0.lexicographicallyPrecedes($1) }).map { ProjectionRecord(key: $0, value: []) }
    }

    /// One key per day from which an item of the part is listed, while the case lists it: the days
    /// first, then a key for each (a chunk's items mostly share a few days).
    private static func keys(_ caseID: String, part: [UInt8], pending: [CaseDigest.Pending], in state: CaseState) -> Set<[UInt8]> {
        let days = Set(pending.lazy.filter { state.isOpen || $0.kind.outlivesClosing }.map(\.listFrom))
        return Set(days.map { prefix + Array($0.description.utf8) + [UInt8(ascii: "/")] + Array(caseID.utf8) + [0] + part })
    }

    /// The cases with an item listed from `day` or earlier (with every item, without a day), each once.
    static func cases(listedThrough day: Day?, in ledger: Ledger) throws -> [String] {
        let end = day.map { prefix + Array($0.description.utf8) + [UInt8(ascii: "/") + 1] }
        var found: [String] = []
        var seen: Set<String> = []
        var after: [UInt8]?
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
