import SpoorDomain
import SpoorLedger

/// Two indexes of the deliveries to CoMensha, kept in the same transaction as the case, by the
/// projector and by a rebuild: which case each delivery belongs to (`delivery/<id>` → case id),
/// how an acknowledgement finds its case; and which deliveries something is owed for
/// (`delivery-owed/<id>` → case id), how the outbox finds them without reading every delivery
/// ever made: its cost follows what waits, not the years of registrations behind it.
enum CaseDeliveries {
    static let prefix = Array("delivery/".utf8)
    static let owedPrefix = Array("delivery-owed/".utf8)

    /// The records that bring both indexes from `before` to `after`.
    static func records(caseID: String, before: CaseState?, after: CaseState) -> [ProjectionRecord] {
        guard !after.deliveries.isEmpty else { return [] }  // every event of every case comes through here
        let earlier = Dictionary((before?.deliveries ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [ProjectionRecord] = []
        for delivery in after.deliveries {
            let owed = !after.owed(for: delivery).isEmpty
            if let known = earlier[delivery.id], let before, before.owed(for: known).isEmpty != owed { continue }
            if earlier[delivery.id] == nil { records.append(ProjectionRecord(key: key(delivery.id), value: Array(caseID.utf8))) }
            records.append(
                owed
                    ? ProjectionRecord(key: owedPrefix + Array(delivery.id.utf8), value: Array(caseID.utf8))
                    : .deletion(of: owedPrefix + Array(delivery.id.utf8)))
        }
        return records
    }

    static func key(_ delivery: String) -> [UInt8] { prefix + Array(delivery.utf8) }

    /// The case of `delivery`, if there is one.
    static func caseID(of delivery: String, in ledger: Ledger) throws -> String? {
        try ledger.projectionValue(for: key(delivery)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every delivery something is owed for, with its case, by delivery id.
    static func owed(in ledger: Ledger) throws -> [(delivery: String, caseID: String)] {
        var found: [(String, String)] = []
        var after: [UInt8]?
        while true {
            let page = try ledger.projectionRecords(withPrefix: owedPrefix, after: after, limit: 4_096)
            found += page.map { (String(decoding: $0.key.dropFirst(owedPrefix.count), as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) }
            guard page.count == 4_096 else { return found }
            after = page.last?.key
        }
    }
}
