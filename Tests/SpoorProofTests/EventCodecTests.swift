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
