import Foundation
import SpoorProof

/// A recorded event as the wire shows it (`events.tail`, `audit.prove`, `subject.export`): every
/// field its hash covers, as the log holds them (the time in microseconds, the payload's exact
/// text), so that a verifier recomputes the hash rather than trust the daemon, and beside them the
/// payload to read, its personal content sealed unless the reader may see it.
public struct EventRecord: Codable, Sendable, Equatable {
    /// The OS user who appended the event.
    public struct Actor: Codable, Sendable, Equatable {
        /// The user id, from the kernel.
        public var uid: UInt32
        /// The user's name at the time.
        public var name: String
    }

    /// The global position, from 1.
    public var position: UInt64
    /// The event's id, a UUID.
    public var id: String
    /// The stream it belongs to: `case-<id>` or `system`.
    public var stream: String
    /// Its version in that stream, from 0.
    public var streamVersion: UInt64
    /// Its kind, as the catalogue names it.
    public var type: String
    /// The version of its payload's schema.
    public var schemaVersion: UInt16
    /// ISO 8601 with milliseconds, UTC: `recordedAtMicroseconds` for a reader.
    public var recordedAt: String
    /// The daemon's clock at commit, microseconds since 1970 UTC, as the hash covers it.
    public var recordedAtMicroseconds: Int64
    /// Who appended it.
    public var actor: Actor
    /// The role the actor acted in.
    public var role: String
    /// The person the actor, a delegate, vouched for; absent when the actor acted for itself.
    public var onBehalfOf: String?
    /// The id that ties the events of one piece of work together.
    public var correlationID: String
    /// The event that caused this one; `null` when none did.
    public var causationID: String?
    /// The payload to read: `payloadText` parsed, with personal fields sealed or opened.
    public var payload: JSONValue
    /// The payload exactly as the log holds it and the hash covers it.
    public var payloadText: String
    /// The SHA-256 of the sealed part, hex; `null` when the event has none.
    public var sealedDigest: String?
    /// The previous event's hash, hex.
    public var previousHash: String
    /// The event's hash, hex, as the log holds it: a verifier recomputes it (``recomputed()``).
    public var hash: String
    /// The public record of a format-3 event (a registration's analytic record), exactly as the
    /// hash covers it; absent for other events.
    public var record: String?
    /// The record's salt, hex: with it the hash commits to everything else.
    public var recordSalt: String?

    /// `event` as the wire shows it, with `payload` the reader's view of its payload.
    public init(_ event: RecordedEvent, payload: JSONValue) {
        (position, id, stream, streamVersion, type) = (event.position, event.id.description, event.stream.rawValue, event.streamVersion, event.type)
        (schemaVersion, recordedAtMicroseconds) = (event.schemaVersion, event.recordedAtMicroseconds)
        recordedAt = Self.iso8601(microseconds: event.recordedAtMicroseconds)
        actor = Actor(uid: event.actor.uid, name: event.actor.name)
        (role, onBehalfOf, correlationID, causationID) = (
            event.role, event.onBehalfOf, event.correlationID.description, event.causationID?.description
        )
        self.payload = payload
        payloadText = String(decoding: event.payload, as: UTF8.self)
        (sealedDigest, previousHash, hash) = (event.sealedDigest?.hex, event.previousHash.hex, event.hash.hex)
        record = event.record.map { String(decoding: $0.bytes, as: UTF8.self) }
        recordSalt = event.record.map { ChainHash(bytes: $0.salt).hex }
    }

    // `causationID` and `sealedDigest` are always present, `null` when the event has none.
    /// Every field the hash covers, `causationID` and `sealedDigest` as `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(id, forKey: .id)
        try container.encode(stream, forKey: .stream)
        try container.encode(streamVersion, forKey: .streamVersion)
        try container.encode(type, forKey: .type)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(recordedAtMicroseconds, forKey: .recordedAtMicroseconds)
        try container.encode(actor, forKey: .actor)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(onBehalfOf, forKey: .onBehalfOf)
        try container.encode(correlationID, forKey: .correlationID)
        try container.encode(causationID, forKey: .causationID)
        try container.encode(payload, forKey: .payload)
        try container.encode(payloadText, forKey: .payloadText)
        try container.encode(sealedDigest, forKey: .sealedDigest)
        try container.encode(previousHash, forKey: .previousHash)
        try container.encode(hash, forKey: .hash)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encodeIfPresent(recordSalt, forKey: .recordSalt)
    }

    /// Why a shown event is not the one its hash names.
    public struct Mismatch: Error, CustomStringConvertible {
        /// What does not match, in words.
        public let description: String
    }

    /// The event these fields describe, its hash recomputed from them: a field changed after the
    /// daemon sent it (an actor, a time, a type, the payload) no longer gives the shown hash.
    public func recomputed() throws(Mismatch) -> RecordedEvent {
        guard let id = EventID(id), let correlation = EventID(correlationID), let stream = try? StreamName(stream),
            let previous = ChainHash(hex: previousHash), let shownHash = ChainHash(hex: hash)
        else { throw Mismatch(description: "has a field that does not parse") }
        let causation = try causationID.map { text throws(Mismatch) in
            guard let parsed = EventID(text) else { throw Mismatch(description: "has no valid causationID") }
            return parsed
        }
        let digest = try sealedDigest.map { text throws(Mismatch) in
            guard let parsed = ChainHash(hex: text) else { throw Mismatch(description: "has no valid sealedDigest") }
            return parsed
        }
        let record = try recordShown()
        let event = RecordedEvent(
            position: position, id: id, stream: stream, streamVersion: streamVersion, type: type, schemaVersion: schemaVersion,
            recordedAtMicroseconds: recordedAtMicroseconds, actor: .init(uid: actor.uid, name: actor.name), role: role,
            onBehalfOf: onBehalfOf, correlationID: correlation, causationID: causation, payload: Array(payloadText.utf8), sealedDigest: digest,
            previousHash: previous, hash: shownHash, record: record)
        guard event.computedHash == shownHash else { throw Mismatch(description: "was altered: its fields do not give its hash") }
        // `recordedAt` shows the microseconds the hash covers cut to milliseconds.
        guard recordedAt == Self.iso8601(microseconds: recordedAtMicroseconds) else {
            throw Mismatch(description: "shows another time than the one its hash covers")
        }
        return event
    }

    /// The public record and its salt as shown; both or neither.
    private func recordShown() throws(Mismatch) -> PublicRecord? {
        switch (record, recordSalt.map(ChainHash.init(hex:))) {
        case (nil, nil): return nil
        case (let record?, let salt??): return PublicRecord(bytes: Array(record.utf8), salt: salt.bytes)
        default: throw Mismatch(description: "has a record without its salt, or a salt that does not parse")
        }
    }

    /// The time `microseconds` since 1970 names, UTC, to the second (cut, not rounded): how a trail shows it.
    public static func toTheSecond(_ microseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(microseconds.quotientAndRemainder(dividingBy: 1_000_000).quotient)).formatted(.iso8601)
    }

    /// The time `microseconds` since 1970 names, UTC, with milliseconds (cut, not rounded), from the
    /// integer: through a `Double` of seconds, a time whose milliseconds end in ...000 could show one
    /// millisecond early, and a verifier would call its event altered (1 event in about 1,000 did).
    static func iso8601(microseconds: Int64) -> String {
        let (seconds, rest) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: false)
                .timeZone(separator: .omitted))
        let milliseconds = String(rest / 1_000)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - milliseconds.count) + milliseconds + "Z"
    }
}
