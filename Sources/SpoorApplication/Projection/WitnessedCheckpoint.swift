import SpoorJSON
import SpoorLedger
import SpoorProof

/// The last checkpoint a witness kept, as its `checkpoint-witnessed` event in the `system` stream
/// records it, kept in the projection under `witness/last` for the metrics (its age, whether it
/// extended the one before), and folded again from those events on a rebuild.
struct WitnessedCheckpoint: Sendable, Equatable {
    static let eventType = "checkpoint-witnessed"
    static let key = Array("witness/last".utf8)

    var treeSize: UInt64
    /// The tree's root at `treeSize`, hex: what a backup's tree is held to.
    var root: String
    var consistent: Bool
    /// When the daemon recorded the witness's report, µs since 1970.
    var recordedAtMicroseconds: Int64

    var record: ProjectionRecord {
        let value: JSONValue = [
            "treeSize": .number(Double(treeSize)), "root": .string(root), "consistent": .bool(consistent),
            "recordedAt": .number(Double(recordedAtMicroseconds)),
        ]
        return ProjectionRecord(key: Self.key, value: value.serialized)
    }

    init(treeSize: UInt64, root: String, consistent: Bool, recordedAtMicroseconds: Int64) {
        (self.treeSize, self.root, self.consistent, self.recordedAtMicroseconds) = (treeSize, root, consistent, recordedAtMicroseconds)
    }

    init?(stored value: [UInt8]) {
        guard let json = try? JSONValue.parse(value), let size = json["treeSize"]?.number, let root = json["root"]?.string,
            case .bool(let consistent)? = json["consistent"], let at = json["recordedAt"]?.number
        else { return nil }
        self.init(treeSize: UInt64(size), root: root, consistent: consistent, recordedAtMicroseconds: Int64(at))
    }

    /// What a `checkpoint-witnessed` event writes, as a rebuild folds it; nothing for other events.
    static func records(of event: RecordedEvent) -> [ProjectionRecord] {
        guard event.type == eventType, let payload = try? JSONValue.parse(event.payload), let size = payload["treeSize"]?.number,
            let root = payload["root"]?.string, case .bool(let consistent)? = payload["consistent"]
        else { return [] }
        return [
            WitnessedCheckpoint(treeSize: UInt64(size), root: root, consistent: consistent, recordedAtMicroseconds: event.recordedAtMicroseconds)
                .record
        ]
    }

    /// The last one recorded, or `nil` when no witness has reported yet.
    static func last(in ledger: Ledger) throws -> WitnessedCheckpoint? {
        try ledger.projectionValue(for: key).flatMap(WitnessedCheckpoint.init(stored:))
    }
}
