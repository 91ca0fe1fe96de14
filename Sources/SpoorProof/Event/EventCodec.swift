/// The canonical encoding of an event: the bytes its hash covers, and the value the log stores.
///
/// Fixed field order, big-endian integers, length-prefixed strings: one event has exactly one
/// encoding, so any reader can recompute its hash. The stored value is the encoding followed by
/// the 32-byte SHA-256 of it.
///
///     u8 format(1) · u64 position · 16 id · u16+utf8 stream · u64 stream version
///     u16+utf8 type · u16 schema version · i64 recorded-at µs · u32 actor uid
///     u16+utf8 actor name · u16+utf8 role · 16 correlation id · u8+16 causation id
///     u32+bytes payload · u8+32 sealed digest · 32 previous hash  ‖  32 hash
///
/// Format 2 is format 1 with `u16+utf8 on-behalf-of` after the role: the person a delegate (an
/// integration's OS user) vouches for. An event is written in format 1 unless it has that field,
/// so every event written before format 2 keeps its bytes, its hash and its proofs, and one event
/// still has exactly one encoding.
///
/// Format 3 wraps format 1 or 2 for an event with a ``PublicRecord`` (a registration's analytic
/// record, which the national hub checks without seeing anything else):
///
///     u8 format(3) · u32+bytes record · 32 salt · inner  ‖  32 hash
///
/// where `inner` is the event's format-1 or format-2 encoding without its hash, and the hash is
/// SHA-256(u8 3 · u32+record · commitment) with commitment = SHA-256(salt ‖ inner).
package enum EventCodec {
    package static let format: UInt8 = 1
    package static let delegatedFormat: UInt8 = 2
    package static let recordFormat: UInt8 = 3
    static let innerFormats: ClosedRange<UInt8> = 1...2

    /// Encodes `event`'s fields (its `hash` aside) and returns the stored value, hash appended.
    package static func encode(
        position: UInt64, id: EventID, type: String, schemaVersion: UInt16, payload: [UInt8], sealedDigest: ChainHash?,
        stream: StreamName, streamVersion: UInt64, recordedAt: Int64, metadata: AppendMetadata, previousHash: ChainHash,
        record: PublicRecord? = nil
    ) -> (stored: [UInt8], hash: ChainHash) {
        var writer = ByteWriter(capacity: 160 + payload.count + stream.rawValue.utf8.count)
        writer.write(metadata.onBehalfOf == nil ? format : delegatedFormat)
        writer.write(position)
        writer.write(raw: id.bytes)
        writer.write(short: stream.rawValue)
        writer.write(streamVersion)
        writer.write(short: type)
        writer.write(schemaVersion)
        writer.write(recordedAt)
        writer.write(metadata.actor.uid)
        writer.write(short: metadata.actor.name)
        writer.write(short: metadata.role)
        if let onBehalfOf = metadata.onBehalfOf { writer.write(short: onBehalfOf) }
        writer.write(raw: metadata.correlationID.bytes)
        writer.write(optional: metadata.causationID?.bytes)
        writer.write(long: payload)
        writer.write(optional: sealedDigest?.bytes)
        writer.write(raw: previousHash.bytes)
        guard let record else {
            let hash = ChainHash.of(writer.bytes)
            writer.write(raw: hash.bytes)
            return (writer.bytes, hash)
        }
        let hash = PublicRecord.eventHash(record: record.bytes, commitment: PublicRecord.commitment(salt: record.salt, inner: writer.bytes))
        var outer = ByteWriter(capacity: 5 + record.bytes.count + record.salt.count + writer.bytes.count + ChainHash.byteCount)
        outer.write(recordFormat)
        outer.write(long: record.bytes)
        outer.write(raw: record.salt)
        outer.write(raw: writer.bytes)
        outer.write(raw: hash.bytes)
        return (outer.bytes, hash)
    }

    /// The record and salt of a format-3 value, and the reader placed at its inner encoding; for
    /// another format, no record and the reader at the start.
    private static func unwrap(_ reader: inout ByteReader) throws(ByteReader.Truncated) -> PublicRecord? {
        guard try reader.peek() == recordFormat else { return nil }
        _ = try reader.read(UInt8.self)
        let bytes = try reader.readLongBytes()
        return PublicRecord(bytes: bytes, salt: Array(try reader.take(PublicRecord.saltCount)))
    }

    /// The stream name's bytes and the stream version of a stored value, read without decoding
    /// the rest; `nil` when the value is too short to hold them.
    package static func streamAndVersion(of stored: UnsafeRawBufferPointer) -> (stream: UnsafeRawBufferPointer, version: UInt64)? {
        var reader = ByteReader(stored)
        do {
            _ = try unwrap(&reader)
            guard innerFormats.contains(try reader.read(UInt8.self)) else { return nil }
            _ = try reader.take(8 + 16)  // position and id
            let stream = try reader.take(Int(try reader.read(UInt16.self)))
            return (stream, try reader.read(UInt64.self))
        } catch {
            return nil
        }
    }

    /// Decodes a stored value; `nil` when it is not a well-formed encoding.
    package static func decode(_ stored: UnsafeRawBufferPointer) -> RecordedEvent? {
        var reader = ByteReader(stored)
        do {
            let record = try unwrap(&reader)
            let version = try reader.read(UInt8.self)
            guard innerFormats.contains(version) else { return nil }
            let position = try reader.read(UInt64.self)
            let id = EventID(bytes: try reader.take(16))
            guard let stream = try? StreamName(try reader.readShortString()) else { return nil }
            let streamVersion = try reader.read(UInt64.self)
            let type = try reader.readShortString()
            let schemaVersion = try reader.read(UInt16.self)
            let recordedAt = try reader.read(Int64.self)
            let uid = try reader.read(UInt32.self)
            let actorName = try reader.readShortString()
            let role = try reader.readShortString()
            let onBehalfOf = version == delegatedFormat ? try reader.readShortString() : nil
            let correlationID = EventID(bytes: try reader.take(16))
            let causationID = try reader.readOptional(16).map(EventID.init(bytes:))
            let payload = try reader.readLongBytes()
            let sealedDigest = try reader.readOptional(ChainHash.byteCount).map(ChainHash.init(bytes:))
            let previousHash = ChainHash(bytes: try reader.take(ChainHash.byteCount))
            let hash = ChainHash(bytes: try reader.take(ChainHash.byteCount))
            guard reader.isAtEnd else { return nil }
            return RecordedEvent(
                position: position, id: id, stream: stream, streamVersion: streamVersion, type: type,
                schemaVersion: schemaVersion, recordedAtMicroseconds: recordedAt,
                actor: .init(uid: uid, name: actorName), role: role, onBehalfOf: onBehalfOf, correlationID: correlationID,
                causationID: causationID, payload: payload, sealedDigest: sealedDigest,
                previousHash: previousHash, hash: hash, record: record)
        } catch {
            return nil
        }
    }

    /// Whether the stored value's trailing hash is the SHA-256 of the bytes before it.
    /// For format 3, whether it is the hash of the record and the commitment to the inner encoding.
    package static func hashMatches(_ stored: UnsafeRawBufferPointer) -> Bool {
        guard stored.count > ChainHash.byteCount else { return false }
        let body = UnsafeRawBufferPointer(rebasing: stored.dropLast(ChainHash.byteCount))
        let trailer = UnsafeRawBufferPointer(rebasing: stored.suffix(ChainHash.byteCount))
        var reader = ByteReader(body)
        guard let record = try? unwrap(&reader) else { return ChainHash.of(body).bytes.elementsEqual(trailer) }
        let inner = UnsafeRawBufferPointer(rebasing: body[reader.offset...])
        let commitment = PublicRecord.commitment(salt: record.salt, inner: inner)
        return PublicRecord.eventHash(record: record.bytes, commitment: commitment).bytes.elementsEqual(trailer)
    }
}
