import SpoorDomain
import SpoorLedger

/// An index of cases by day, kept per part of each case: `<prefix><day>/<case id>` ‖ 0 ‖ part, an
/// empty record. A day does not move as time passes, so the cases of a period are a range read,
/// and a command rewrites only the keys of the parts it changed. The worklist's and the
/// statistics' indexes are of this form.
struct DayIndex: Sendable {
    let prefix: [UInt8]

    init(_ prefix: String) { self.prefix = Array(prefix.utf8) }

    /// One key for each of `days`, of the case's `part` (empty: the case's head).
    func keys(_ days: Set<Day>, of caseID: String, part: [UInt8]) -> Set<[UInt8]> {
        Set(days.map { prefix + Array($0.description.utf8) + [UInt8(ascii: "/")] + Array(caseID.utf8) + [0] + part })
    }

    /// The records that take the index from the keys `was` to those `now`.
    func records(from was: Set<[UInt8]>, to now: Set<[UInt8]>) -> [ProjectionRecord] {
        was.subtracting(now).sorted(by: { $0.lexicographicallyPrecedes($1) }).map(ProjectionRecord.deletion(of:))
            + now.subtracting(was).sorted(by: { $0.lexicographicallyPrecedes($1) }).map { ProjectionRecord(key: $0, value: []) }
    }

    /// The cases with a key from `from` through `to` (either open), each once, in the order of their first day.
    func cases(from: Day?, through to: Day?, in ledger: Ledger) throws -> [String] {
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
