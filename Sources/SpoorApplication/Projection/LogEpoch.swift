import Foundation
import SpoorJSON
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The log's epochs. A restored store goes on as a new epoch, declared by a `store-restored`
/// event in the `system` stream, under a new checkpoint origin: a log must never sign a checkpoint
/// inconsistent with one it signed before (c2sp.org/tlog-checkpoint), and the events the restore
/// lost were signed under the old one. Each declaration is kept in the projection under
/// `epoch/<number>` and folded again from its event on a rebuild.
package enum LogEpoch {
    package static let eventType = "store-restored"
    static let prefix = Array("epoch/".utf8)

    /// The checkpoint origin of `epoch` of the log named `base`: the name itself, then `base/epoch-N`.
    package static func origin(of base: String, epoch: Int) -> String { epoch <= 1 ? base : "\(base)/epoch-\(epoch)" }

    /// The epoch `origin` names of the log named `base`; `nil` when it names another log.
    package static func number(of origin: String, base: String) -> Int? {
        if origin == base { return 1 }
        guard origin.hasPrefix(base + "/epoch-"), let number = Int(origin.dropFirst(base.count + "/epoch-".count)), number > 1,
            self.origin(of: base, epoch: number) == origin
        else { return nil }
        return number
    }

    /// The record a declaration keeps, as an append projects it and a rebuild folds it.
    package static func record(_ epoch: LogEpochRecord) throws -> ProjectionRecord {
        ProjectionRecord(key: prefix + Array(String(format: "%06d", epoch.declaration.epoch).utf8), value: try JSONValue(encoding: epoch).serialized)
    }

    /// What a `store-restored` event writes, as a rebuild folds it; nothing for other events.
    static func records(of event: RecordedEvent) -> [ProjectionRecord] {
        guard event.type == eventType, let payload = try? JSONValue.parse(event.payload),
            let declaration = try? payload.decode(as: RestoreDeclaration.self),
            let record = try? record(LogEpochRecord(position: event.position, declaration: declaration))
        else { return [] }
        return [record]
    }

    /// Every declared epoch, oldest first: none for a log never restored.
    static func all(in ledger: Ledger) throws -> [LogEpochRecord] {
        try ledger.projectionRecords(withPrefix: prefix, limit: 10_000).compactMap { try? JSONValue.parse($0.value).decode(as: LogEpochRecord.self) }
    }

    /// The epoch the log is in now: 1, or the last declared.
    package static func current(in ledger: Ledger) throws -> (number: Int, declared: LogEpochRecord?) {
        let last = try all(in: ledger).last
        return (last?.declaration.epoch ?? 1, last)
    }
}
