import SpoorDomain
import SpoorLedger
import SpoorProof

/// A keyed blind index of youths' identities: for each case, the HMAC of each token of its
/// identity (``IdentityMatch``), kept as projection records `youth/<hmac>/<case>` beside the case,
/// so that the daemon finds earlier cases of the same youth without a name at rest. The key is
/// derived from the master key under its own label, so it rotates with it; without the key the
/// entries say nothing. Each entry is also kept the other way round, beside the case's state
/// (`case/<case>` ‖ 2 ‖ hmac, ``StoredCase/Beside``), so that the statistics find the matches of
/// the cases they count without reading the whole index. An erasure removes the case's entries.
struct YouthIndex: Sendable {
    static let keyLabel = "spoor youth index v1"
    static let prefix = Array("youth/".utf8)

    private let mac: KeyedMAC

    init(master: MasterKey) { mac = KeyedMAC(key: master.derived(label: Self.keyLabel)) }

    /// The index entries of `identity`: one per token, as hex.
    func entries(of identity: YouthIdentity?) -> Set<String> {
        guard let identity else { return [] }
        return Set(IdentityMatch.tokens(of: identity).map { token in mac.code(for: Array(token.utf8)).hexString })
    }

    /// The records that take the case's entries from those of `before` to those of `after`.
    func records(caseID: String, before: YouthIdentity?, after: YouthIdentity?) -> [ProjectionRecord] {
        guard before != after else { return [] }  // most appends: no HMAC to compute
        let (old, new) = (entries(of: before), entries(of: after))
        let keys = { (entries: Set<String>) in entries.sorted().flatMap { [Self.key($0, caseID), Self.reverseKey(caseID, $0)] } }
        return keys(old.subtracting(new)).map(ProjectionRecord.deletion(of:))
            + keys(new.subtracting(old)).map { ProjectionRecord(key: $0, value: []) }
    }

    static func key(_ entry: String, _ caseID: String) -> [UInt8] { entryPrefix(entry) + Array(caseID.utf8) }
    static func entryPrefix(_ entry: String) -> [UInt8] { prefix + Array(entry.utf8) + [UInt8(ascii: "/")] }
    static func reverseKey(_ caseID: String, _ entry: String) -> [UInt8] { casePrefix(caseID) + Array(entry.utf8) }
    static func casePrefix(_ caseID: String) -> [UInt8] { StoredCase.key(of: caseID, .youthEntries) }

    /// The groups that decide which youth each of `cases` is of: those reached from them while
    /// they are few; the whole index's when they are many of the store's, as a read in key order
    /// then costs less than a seek for each case and each entry (BENCHMARKS.md, session 18). A set:
    /// a case that both counts and is linked is one case to follow, not two.
    static func matchedGroups(deciding cases: Set<String>, in ledger: Ledger) throws -> [[String]] {
        cases.count * seeksPerCaseRead < (try ledger.streamCount())
            ? try matchedGroups(reaching: cases, in: ledger) : try matchedGroups(in: ledger)
    }

    /// How many cases' share of the whole index's read one case's seeks cost: 6 µs against 0.7 µs,
    /// on 20,000 cases that all count (BENCHMARKS.md, session 18).
    static let seeksPerCaseRead = 8

    /// The groups of ``matchedGroups(in:)`` that hold one of `cases`, or a case joined to one of
    /// them through other groups: from each case its entries, from each entry its cases, until no
    /// new case is found, in one snapshot. Those are all the groups that decide which youth
    /// `cases` are of (``LinkedYouths``); its cost follows them, not the store.
    static func matchedGroups(reaching cases: some Sequence<String>, in ledger: Ledger) throws -> [[String]] {
        try ledger.withProjectionSnapshot { records in
            var seen = Set(cases)
            var frontier = Array(seen)
            var entriesSeen: Set<[UInt8]> = []
            var groups: [[String]] = []
            while !frontier.isEmpty {
                var next: [String] = []
                for caseID in frontier {
                    let byCase = casePrefix(caseID)
                    for entry in try records(byCase).map({ Array($0.key.dropFirst(byCase.count)) }) where entriesSeen.insert(entry).inserted {
                        let entryPrefix = prefix + entry + [UInt8(ascii: "/")]
                        let group = try records(entryPrefix).map { String(decoding: $0.key.dropFirst(entryPrefix.count), as: UTF8.self) }
                        if group.count > 1 { groups.append(group) }
                        next += group.filter { seen.insert($0).inserted }
                    }
                }
                frontier = next
            }
            return groups
        }
    }

    /// The groups of cases that share an entry, each of two cases or more: read without the key.
    /// The keys come sorted, so the cases of one entry are neighbours: a group is a run of them,
    /// and only a run of two or more makes strings (most entries are one case's).
    static func matchedGroups(in ledger: Ledger) throws -> [[String]] {
        var groups: [[String]] = []
        var run: (entry: ArraySlice<UInt8>, cases: [ArraySlice<UInt8>]) = ([], [])
        func close() {
            if run.cases.count > 1 { groups.append(run.cases.map { String(decoding: $0, as: UTF8.self) }) }
        }
        var after: [UInt8]?
        while true {
            let page = try ledger.projectionRecords(withPrefix: prefix, after: after, limit: 4_096)
            for record in page {
                let rest = record.key[prefix.count...]
                guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { continue }
                let (entry, caseID) = (rest[..<slash], rest[(slash + 1)...])
                if entry.elementsEqual(run.entry) {
                    run.cases.append(caseID)
                } else {
                    close()
                    run = (entry, [caseID])
                }
            }
            guard page.count == 4_096 else { break }
            after = page.last?.key
        }
        close()
        return groups
    }

    /// The other cases that share an entry with `identity`.
    func cases(sharing identity: YouthIdentity?, besides caseID: String, in ledger: Ledger) throws -> Set<String> {
        var cases: Set<String> = []
        for entry in entries(of: identity) {
            let prefix = Self.entryPrefix(entry)
            for record in try ledger.projectionRecords(withPrefix: prefix, limit: 1_000) {
                cases.insert(String(decoding: record.key.dropFirst(prefix.count), as: UTF8.self))
            }
        }
        cases.remove(caseID)
        return cases
    }
}
