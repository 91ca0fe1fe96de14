import Foundation

/// An event as the log holds it: the envelope of DESIGN.md, with its place in the hash chain.
public struct RecordedEvent: Sendable, Equatable {
    /// The global position, from 1, without gaps.
    public let position: UInt64
    /// The event's id, chosen by its writer: a retry with the same id appends nothing new.
    public let id: EventID
    /// The stream the event belongs to: a case's, or `system`.
    public let stream: StreamName
    /// The version within its stream, from 0, without gaps.
    public let streamVersion: UInt64
    /// The event's kind, as the catalogue names it on the wire (`signal-recorded`).
    public let type: String
    /// The version of the payload's schema for its kind.
    public let schemaVersion: UInt16
    /// The daemon's clock at commit, UTC, in microseconds since 1970; never decreasing along the log.
    public let recordedAtMicroseconds: Int64
    /// Who appended it: the peer's OS user, from the kernel.
    public let actor: AppendMetadata.Actor
    /// The role the actor acted in.
    public let role: String
    /// The person a delegate (the actor: an integration's OS user) vouches for; `nil` when the
    /// actor acted for itself.
    public let onBehalfOf: String?
    /// The id that ties the events of one piece of work together.
    public let correlationID: EventID
    /// The event that caused this one, if any.
    public let causationID: EventID?
    /// The payload, canonical JSON without personal content (that is sealed apart).
    public let payload: [UInt8]
    /// The SHA-256 of the sealed part's stored bytes, when the event has one.
    public let sealedDigest: ChainHash?
    /// The hash of the event before it; ``ChainHash/zero`` for the first.
    public let previousHash: ChainHash
    /// The SHA-256 of the canonical encoding of everything above.
    public let hash: ChainHash
    /// What the event shows outside the institution (format 3), if anything.
    public let record: PublicRecord?

    /// An event with every field of the log's envelope; `hash` is taken as given (see ``computedHash``).
    public init(
        position: UInt64, id: EventID, stream: StreamName, streamVersion: UInt64, type: String, schemaVersion: UInt16,
        recordedAtMicroseconds: Int64, actor: AppendMetadata.Actor, role: String, onBehalfOf: String? = nil, correlationID: EventID,
        causationID: EventID?,
        payload: [UInt8], sealedDigest: ChainHash?, previousHash: ChainHash, hash: ChainHash, record: PublicRecord? = nil
    ) {
        (self.position, self.id, self.stream, self.streamVersion, self.type, self.schemaVersion) = (
            position, id, stream, streamVersion, type, schemaVersion
        )
        (self.recordedAtMicroseconds, self.actor, self.role, self.correlationID, self.causationID) = (
            recordedAtMicroseconds, actor, role, correlationID, causationID
        )
        self.onBehalfOf = onBehalfOf
        (self.payload, self.sealedDigest, self.previousHash, self.hash, self.record) = (payload, sealedDigest, previousHash, hash, record)
    }

    /// When the daemon recorded the event, from ``recordedAtMicroseconds``.
    public var recordedAt: Date {
        Date(timeIntervalSince1970: Double(recordedAtMicroseconds) / 1_000_000)
    }
}

extension RecordedEvent {
    /// The SHA-256 of the canonical encoding of the event's fields: what `hash` is when the fields
    /// are the ones the log holds. An auditor recomputes it rather than trust a shown event.
    public var computedHash: ChainHash { encoded(record: record).hash }

    /// The commitment a format-3 event's hash makes to everything but its record: what a relay
    /// sends the hub beside the record, so that the hub can recompute the leaf.
    public var recordCommitment: ChainHash? {
        record.map { PublicRecord.commitment(salt: $0.salt, inner: encoded(record: nil).stored.dropLast(ChainHash.byteCount)) }
    }

    private func encoded(record: PublicRecord?) -> (stored: [UInt8], hash: ChainHash) {
        EventCodec.encode(
            position: position, id: id, type: type, schemaVersion: schemaVersion, payload: payload, sealedDigest: sealedDigest, stream: stream,
            streamVersion: streamVersion, recordedAt: recordedAtMicroseconds,
            metadata: AppendMetadata(actor: actor, role: role, onBehalfOf: onBehalfOf, correlationID: correlationID, causationID: causationID),
            previousHash: previousHash, record: record)
    }
}
