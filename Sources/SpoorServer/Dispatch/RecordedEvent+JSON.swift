import Foundation
import SpoorLedger
import SpoorProof
import SpoorProtocol

extension RecordedEvent {
    /// The envelope as the wire shows it, with personal content sealed: `events tail` is for
    /// admins and auditors. It carries every field the event's hash covers, as the log holds them
    /// (the time in microseconds, the payload's exact text), so that a verifier can recompute it.
    var json: JSONValue {
        let payload = (try? JSONValue.parse(payload)) ?? .string("«not JSON»")
        return [
            "position": .number(Double(position)), "id": .string(id.description), "stream": .string(stream.rawValue),
            "streamVersion": .number(Double(streamVersion)), "type": .string(type),
            "schemaVersion": .number(Double(schemaVersion)),
            "recordedAt": .string(recordedAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))),
            "recordedAtMicroseconds": .number(Double(recordedAtMicroseconds)),
            "actor": ["uid": .number(Double(actor.uid)), "name": .string(actor.name)], "role": .string(role),
            "correlationID": .string(correlationID.description),
            "causationID": causationID.map { .string($0.description) } ?? .null,
            "payload": payload.redactingPersonalContent(as: .sealed),
            "payloadText": .string(String(decoding: self.payload, as: UTF8.self)),
            "sealedDigest": sealedDigest.map { .string($0.hex) } ?? .null,
            "previousHash": .string(previousHash.hex), "hash": .string(hash.hex),
        ]
    }
}
