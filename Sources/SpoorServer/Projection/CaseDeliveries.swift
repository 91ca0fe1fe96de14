import SpoorDomain
import SpoorLedger

/// Which case each delivery to CoMensha belongs to (`delivery/<id>` → case id): how the outbox
/// finds the deliveries without reading every case, and an acknowledgement its case. Kept in the
/// same transaction as the case, by the projector and by a rebuild.
enum CaseDeliveries {
    static let prefix = Array("delivery/".utf8)

    /// The records for the deliveries `after` holds that `before` did not.
    static func records(caseID: String, before: CaseState?, after: CaseState) -> [ProjectionRecord] {
        guard after.deliveries.count != before?.deliveries.count else { return [] }
        let known = Set(before?.deliveries.map(\.id) ?? [])
        return after.deliveries.filter { !known.contains($0.id) }.map { ProjectionRecord(key: key($0.id), value: Array(caseID.utf8)) }
    }

    static func key(_ delivery: String) -> [UInt8] { prefix + Array(delivery.utf8) }

    /// The case of `delivery`, if there is one.
    static func caseID(of delivery: String, in ledger: Ledger) throws -> String? {
        try ledger.projectionValue(for: key(delivery)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every delivery's case, by delivery id.
    static func all(in ledger: Ledger) throws -> [(delivery: String, caseID: String)] {
        var found: [(String, String)] = []
        var after: [UInt8]?
        while true {
            let page = try ledger.projectionRecords(withPrefix: prefix, after: after, limit: 4_096)
            found += page.map { (String(decoding: $0.key.dropFirst(prefix.count), as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) }
            guard page.count == 4_096 else { return found }
            after = page.last?.key
        }
    }
}
