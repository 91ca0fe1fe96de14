import Foundation
@testable import SpoorProof
import Testing

/// Issue 29: "Adding fields to the hashed encoding must not change the hash of any event already
/// written: give the encoding a version, and keep every old proof valid." The stores in
/// `Tests/Fixtures/upgrade` (formats 7 to 10) hold events written before `onBehalfOf`; UpgradeTests
/// recomputes every one of their hashes. These pin the encoding itself.
@Suite("The hashed encoding of an event is versioned: old events keep their bytes")
struct EventCodecTests {
    static func encode(onBehalfOf: String?) -> (stored: [UInt8], hash: ChainHash) {
        let id = EventID("01010101-0101-0101-0101-010101010101")!, correlation = EventID("02020202-0202-0202-0202-020202020202")!
        return EventCodec.encode(
            position: 7, id: id, type: "signal-recorded", schemaVersion: 1, payload: Array(#"{"nature":"concrete"}"#.utf8), sealedDigest: nil,
            stream: try! StreamName("case-c1"), streamVersion: 2, recordedAt: 1_800_000_000_000_000,
            metadata: AppendMetadata(actor: .init(uid: 1001, name: "crm"), role: "professional", onBehalfOf: onBehalfOf, correlationID: correlation),
            previousHash: ChainHash.of(Array("previous".utf8)))
    }

    @Test("an event acting for itself is written in format 1, byte for byte as before delegation")
    func formatOneUnchanged() throws {
        let (stored, hash) = Self.encode(onBehalfOf: nil)
        #expect(stored.first == 1)
        // Computed apart, by a few lines of Python that follow the format-1 layout of EventCodec's comment.
        #expect(hash.hex == "b54e75ffbd23ebf54d87159b440a3400795db8b92d2f157302d8eec313f39732")
        let decoded = try #require(stored.withUnsafeBytes(EventCodec.decode))
        #expect(decoded.onBehalfOf == nil && decoded.computedHash == hash)
    }

    @Test("a delegated event is format 2: onBehalfOf is under the hash, and decodes back")
    func formatTwoBindsOnBehalfOf() throws {
        let (stored, hash) = Self.encode(onBehalfOf: "anna")
        #expect(stored.first == 2)
        #expect(hash != Self.encode(onBehalfOf: nil).hash && hash != Self.encode(onBehalfOf: "carl").hash)
        let decoded = try #require(stored.withUnsafeBytes(EventCodec.decode))
        #expect(decoded.onBehalfOf == "anna" && decoded.actor.name == "crm" && decoded.computedHash == hash)
        var unknown = stored
        unknown[0] = 3
        #expect(unknown.withUnsafeBytes(EventCodec.decode) == nil, "a format this reader does not know is refused, not guessed")
    }
}

/// Issue 30: "A leaf form that lets the hub verify a registration from its analytic fields
/// alone: the leaf commits to everything else … by a salted hash, so the hub learns nothing
/// beyond the record it was sent. Old events keep their form and their proofs."
@Suite("Format 3: an event's public record, and a salted commitment to the rest")
struct PublicRecordCodecTests {
    static let record = PublicRecord(bytes: Array(#"{"kind":"non-identifiable"}"#.utf8), salt: Array(repeating: 0xAB, count: 32))

    static func encode(record: PublicRecord?) -> (stored: [UInt8], hash: ChainHash) {
        let id = EventID("01010101-0101-0101-0101-010101010101")!, correlation = EventID("02020202-0202-0202-0202-020202020202")!
        return EventCodec.encode(
            position: 7, id: id, type: "registered-at-comensha", schemaVersion: 1, payload: Array(#"{"kind":"non-identifiable"}"#.utf8),
            sealedDigest: nil, stream: try! StreamName("case-c1"), streamVersion: 2, recordedAt: 1_800_000_000_000_000,
            metadata: AppendMetadata(actor: .init(uid: 1001, name: "anna"), role: "attention-officer", correlationID: correlation),
            previousHash: ChainHash.of(Array("previous".utf8)), record: record)
    }

    @Test("the hash is SHA-256(3 · u32+record · SHA-256(salt ‖ inner)), as the layout says, and the hub's leaf is the log's")
    func layout() throws {
        let plain = Self.encode(record: nil)
        let (stored, hash) = Self.encode(record: Self.record)
        let inner = Array(plain.stored.dropLast(32))
        let commitment = ChainHash.of(Self.record.salt + inner)
        let length = UInt32(Self.record.bytes.count)
        let outer: [UInt8] = [3] + withUnsafeBytes(of: length.bigEndian, Array.init) + Self.record.bytes + commitment.bytes
        #expect(hash == ChainHash.of(outer))
        #expect(stored == outer.prefix(5 + Self.record.bytes.count) + Self.record.salt + inner + hash.bytes)
        let decoded = try #require(stored.withUnsafeBytes(EventCodec.decode))
        #expect(decoded.record == Self.record && decoded.computedHash == hash && decoded.recordCommitment == commitment)
        #expect(stored.withUnsafeBytes(EventCodec.hashMatches))
        #expect(stored.withUnsafeBytes(EventCodec.streamAndVersion)?.version == 2)
        #expect(PublicRecord.leaf(record: Self.record.bytes, commitment: commitment) == MerkleHash.leaf(of: hash))
    }

    @Test("a changed byte of the record, the salt or the rest no longer gives the hash")
    func tamperEvident() throws {
        let (stored, _) = Self.encode(record: Self.record)
        for offset in [6, 5 + Self.record.bytes.count + 3, stored.count - 40] {
            var changed = stored
            changed[offset] ^= 1
            #expect(!changed.withUnsafeBytes(EventCodec.hashMatches), "byte \(offset)")
        }
    }
}
