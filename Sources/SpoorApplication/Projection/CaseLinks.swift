import SpoorDomain
import SpoorLedger

/// The officers' word on which cases are one youth (``CasesLinked``), kept from both sides: the
/// case that records a link keeps it in its state, and the other finds it as `link/<other>/<case>`.
enum CaseLinks {
    static let prefix = Array("link/".utf8)

    /// The records that take the links `before` held to those `after` holds, seen from the other cases.
    static func records(caseID: String, before: CaseState?, after: CaseState) -> [ProjectionRecord] {
        guard before?.sameYouth != after.sameYouth || before?.otherYouth != after.otherYouth else { return [] }
        func links(_ state: CaseState?) -> [String: Bool] {
            guard let state else { return [:] }
            return Dictionary(uniqueKeysWithValues: state.sameYouth.map { ($0, true) } + state.otherYouth.map { ($0, false) })
        }
        let (old, new) = (links(before), links(after))
        return old.keys.filter { new[$0] == nil }.sorted().map { .deletion(of: key($0, caseID)) }
            + new.filter { old[$0.key] != $0.value }.sorted { $0.key < $1.key }.map {
                ProjectionRecord(key: key($0.key, caseID), value: [$0.value ? 1 : 0])
            }
    }

    static func key(_ other: String, _ caseID: String) -> [UInt8] { prefix + Array(other.utf8) + [UInt8(ascii: "/")] + Array(caseID.utf8) }

    /// Every link of the store, each as the case that recorded it holds it: for the statistics'
    /// youths, read from this index rather than from every case's state.
    static func all(in ledger: Ledger) throws -> [LinkedYouths.Link] {
        var links: [LinkedYouths.Link] = []
        var after: [UInt8]?
        while true {
            let page = try ledger.projectionRecords(withPrefix: prefix, after: after, limit: 4_096)
            for record in page {
                let rest = record.key.dropFirst(prefix.count)
                guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { continue }
                links.append(
                    LinkedYouths.Link(
                        from: String(decoding: rest[(slash + 1)...], as: UTF8.self), to: String(decoding: rest[..<slash], as: UTF8.self),
                        same: record.value.first == 1))
            }
            guard page.count == 4_096 else { return links }
            after = page.last?.key
        }
    }

    /// The links other cases recorded to `caseID`: each other case, and whether it is the same youth.
    static func links(to caseID: String, in ledger: Ledger) throws -> [String: Bool] {
        let prefix = Self.prefix + Array(caseID.utf8) + [UInt8(ascii: "/")]
        return Dictionary(
            try ledger.projectionRecords(withPrefix: prefix, limit: 10_000).map {
                (String(decoding: $0.key.dropFirst(prefix.count), as: UTF8.self), $0.value.first == 1)
            }, uniquingKeysWith: { _, last in last })
    }
}
