/// What an event may show outside the institution and have checked there on its own: a
/// registration's analytic record, for the national hub. An event with a record is written in
/// format 3 (see ``EventCodec``): its hash commits to the record in the open and to everything
/// else (the actor, the case, the payload, the sealed part, the chain) only through a salted hash,
/// the commitment. Whoever holds the record, the commitment and an inclusion proof checks that
/// the record is in the log, and learns nothing more: the salt makes the rest unguessable.
public struct PublicRecord: Sendable, Equatable {
    /// The length of a record's salt in bytes.
    public static let saltCount = 32
    /// The longest record written: an analytic record is a few hundred bytes.
    public static let maxCount = 4_096

    /// The record's bytes (canonical JSON, by convention); opaque to the log.
    public let bytes: [UInt8]
    /// Random, one per event, kept in the log beside the event.
    public let salt: [UInt8]

    /// A record of `bytes`, with its `salt` (``saltCount`` random bytes).
    public init(bytes: [UInt8], salt: [UInt8]) {
        (self.bytes, self.salt) = (bytes, salt)
    }

    /// SHA-256(salt ‖ inner): the commitment to an event's format-1 or format-2 encoding `inner`.
    static func commitment(salt: some Collection<UInt8>, inner: some Collection<UInt8>) -> ChainHash {
        ChainHash.of(Array(salt) + Array(inner))
    }

    /// The hash of an event with this record and `commitment`: SHA-256(u8 3 · u32+record · commitment).
    /// The hub recomputes it, then the leaf, from the record and commitment a relay sent.
    public static func eventHash(record: [UInt8], commitment: ChainHash) -> ChainHash {
        var writer = ByteWriter(capacity: 37 + record.count)
        writer.write(EventCodec.recordFormat)
        writer.write(long: record)
        writer.write(raw: commitment.bytes)
        return ChainHash.of(writer.bytes)
    }

    /// The Merkle leaf of the event with this record and `commitment`, as an inclusion proof starts from.
    public static func leaf(record: [UInt8], commitment: ChainHash) -> ChainHash {
        MerkleHash.leaf(of: eventHash(record: record, commitment: commitment))
    }
}
