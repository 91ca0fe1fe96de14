import Foundation
import SpoorLedger
import SpoorProof
@testable import SpoorApplication
import Testing

@Suite("The data keys in memory")
struct CaseKeysTests {
    /// A ledger and the keys on it, for `body`; removed afterwards.
    static func withKeys(_ body: (CaseKeys) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "spoor-keys-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        try body(CaseKeys(ledger: ledger, master: try MasterKey(bytes: Array(repeating: 7, count: 32))))
    }

    /// A new key of `stream` and its wrapped form.
    static func made(_ keys: CaseKeys, _ stream: StreamName) throws -> (key: [UInt8], wrapped: [UInt8]) {
        let made = try keys.make(for: stream)
        guard case .create(let wrapped) = made.change else { throw CancellationError() }
        return (made.key, wrapped)
    }

    @Test("a key read before an erasure and unwrapped after it is not kept: nothing opens an erased case from memory")
    func erasureInBetween() throws {
        try Self.withKeys { keys in
            let stream = try StreamName("case-c1")
            let (key, wrapped) = try Self.made(keys, stream)
            // The reader read the wrapped key; the erasure lands and forgets the case before it unwraps.
            #expect(
                try keys.key(for: stream) {
                    keys.forget(stream)
                    return wrapped
                } == key)
            #expect(try keys.key(for: stream) { nil } == nil, "the key outlived the erasure in the cache")
        }
    }

    @Test("without an erasure in between a key is kept; a rebuild's is not; an erasure forgets it")
    func keptUntilErased() throws {
        try Self.withKeys { keys in
            let (one, two) = (try StreamName("case-c1"), try StreamName("case-c2"))
            let (key, wrapped) = try Self.made(keys, one)
            #expect(try keys.key(for: one) { wrapped } == key)
            #expect(try keys.key(for: one) { nil } == key)
            keys.forget(one)
            #expect(try keys.key(for: one) { nil } == nil)

            let other = try Self.made(keys, two)
            #expect(try keys.key(for: two, caching: false) { other.wrapped } == other.key)
            #expect(try keys.key(for: two) { nil } == nil)
        }
    }
}
