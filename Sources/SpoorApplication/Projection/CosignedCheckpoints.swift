import SpoorJSON
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The latest checkpoint each witness cosigned, as the relay handed it back: recorded by a
/// `checkpoint-cosigned` event in the `system` stream, kept in the projection under
/// `cosigned/<witness>`, and folded again from those events on a rebuild.
enum CosignedCheckpoints {
    static let eventType = "checkpoint-cosigned"
    static let prefix = Array("cosigned/".utf8)

    /// What a `checkpoint-cosigned` event records: the cosignatures of one checkpoint, one per witness.
    struct Payload: Codable, Equatable {
        var cosigned: [CosignedCheckpoint]
    }

    static func records(_ cosigned: [CosignedCheckpoint]) throws -> [ProjectionRecord] {
        try cosigned.map { ProjectionRecord(key: prefix + Array($0.witness.utf8), value: try JSONValue(encoding: $0).serialized) }
    }

    /// What a `checkpoint-cosigned` event writes, as a rebuild folds it; nothing for other events.
    static func records(of event: RecordedEvent) -> [ProjectionRecord] {
        guard event.type == eventType, let payload = try? JSONValue.parse(event.payload).decode(as: Payload.self) else { return [] }
        return (try? records(payload.cosigned)) ?? []
    }

    /// The latest cosigned checkpoint of each witness, by witness name.
    static func all(in ledger: Ledger) throws -> [CosignedCheckpoint] {
        try ledger.projectionRecords(withPrefix: prefix, limit: 1_000).compactMap {
            try? JSONValue.parse($0.value).decode(as: CosignedCheckpoint.self)
        }
    }
}
