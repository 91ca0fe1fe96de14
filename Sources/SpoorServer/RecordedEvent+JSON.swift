import Foundation
import SpoorLedger
import SpoorProtocol

extension RecordedEvent {
    /// The envelope as the wire shows it, with personal content sealed: `events tail` is for
    /// admins and auditors.
    var json: JSONValue {
        let payload = (try? JSONValue.parse(payload)) ?? .string("«not JSON»")
        return [
            "position": .number(Double(position)), "id": .string(id.description), "stream": .string(stream.rawValue),
            "streamVersion": .number(Double(streamVersion)), "type": .string(type),
            "schemaVersion": .number(Double(schemaVersion)),
            "recordedAt": .string(recordedAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))),
            "actor": ["uid": .number(Double(actor.uid)), "name": .string(actor.name)], "role": .string(role),
            "correlationID": .string(correlationID.description),
            "causationID": causationID.map { .string($0.description) } ?? .null,
            "payload": payload.sealingPersonalContent(as: .sealed),
            "sealedDigest": sealedDigest.map { .string($0.hex) } ?? .null,
            "previousHash": .string(previousHash.hex), "hash": .string(hash.hex),
        ]
    }
}
