import Foundation
import LMDB
@testable import SpoorLedger
import SpoorProof
import Testing

@Suite("Verification of the hash chain")
struct VerificationTests {
    @Test func anIntactLogVerifiesAcrossChunks() async throws {
        try await withLedger { ledger, _ in
            #expect(try ledger.verify() == VerificationReport(eventsVerified: 0, lastGoodHash: .zero, firstProblem: nil))
            for index in 0..<25 {
                _ = try await ledger.append(to: stream("case-\(index % 3)"), events: [event(sealed: "n\(index)")], metadata: alice)
            }
            let report = try ledger.verify(chunkSize: 4)
            #expect(report.isIntact)
            #expect(report.eventsVerified == 25)
            #expect(report.lastGoodHash == (try ledger.event(at: 25))?.hash)
        }
    }

    @Test func aPayloadByteChangedBehindTheLedgersBackIsLocated() async throws {
        let report = try await tampered { txn, events in
            try rewrite(position: 7, in: events, txn) { stored in
                stored[lastPayloadByte(of: stored)] ^= 0x01
            }
        }
        #expect(report.firstProblem == .init(position: 7, reason: "the event's hash does not match its content"))
        #expect(report.eventsVerified == 6)
    }

    @Test func aRewrittenEventWithARecomputedHashIsCaughtByTheMerkleTreeAtItsOwnPosition() async throws {
        let report = try await tampered { txn, events in
            try rewrite(position: 4, in: events, txn) { stored in
                stored[lastPayloadByte(of: stored)] ^= 0x01
                let body = Array(stored.dropLast(32))
                stored.replaceSubrange(stored.count - 32..<stored.count, with: ChainHash.of(body).bytes)
            }
        }
        // Its chain hash is consistent again, but its Merkle leaf, written with the original, is not.
        #expect(report.firstProblem == .init(position: 4, reason: "the Merkle tree's leaf does not match the event"))
    }

    @Test func aChangedInnerNodeOfTheMerkleTreeIsLocatedAtTheLeafThatCompletedIt() async throws {
        let report = try await tampered { txn, _ in
            let merkle = try txn.openDatabase("merkle", create: false)
            // The subtree over leaves 4 to 7 (level 2, index 1) is completed by the event at position 8.
            try txn.put([UInt8](repeating: 0xAB, count: ChainHash.byteCount), key: LedgerStore.merkleKey(level: 2, index: 1), in: merkle)
        }
        #expect(report.firstProblem == .init(position: 8, reason: "the Merkle tree's node at level 2 does not match its children"))
        #expect(report.eventsVerified == 7)
    }

    @Test func aDeletedEventIsLocated() async throws {
        let report = try await tampered { txn, events in
            try txn.delete(key: UInt64(3).bigEndianBytes, in: events)
        }
        #expect(report.firstProblem == .init(position: 3, reason: "position 3 is missing from the log"))
    }

    @Test func aSwappedSealedPartIsLocated() async throws {
        let report = try await tampered { txn, _ in
            let sealed = try txn.openDatabase("sealed", create: false)
            try txn.put(Array("someone else".utf8), key: UInt64(9).bigEndianBytes, in: sealed)
        }
        #expect(report.firstProblem == .init(position: 9, reason: "the sealed part does not match the event's digest"))
    }

    @Test func anErasedSealedPartLeavesTheChainIntact() async throws {
        let report = try await tampered { txn, _ in
            let sealed = try txn.openDatabase("sealed", create: false)
            try txn.delete(key: UInt64(9).bigEndianBytes, in: sealed)
        }
        #expect(report.isIntact)
    }

    /// Writes 12 events, changes the store with `change` through LMDB directly, and verifies.
    /// The tree is written with each append: a log shorter than its tree lost events after they were
    /// written, and appending to it would fail on the tree; the store is refused at open.
    @Test func aLogWhoseLastEventWasDeletedIsRefusedAtOpen() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let ledger = try Ledger(path: folder.path)
            for index in 0..<3 { _ = try await ledger.append(to: stream("case-1"), events: [event("e", "{\"n\":\(index)}")], metadata: alice) }
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            try environment.write { txn in _ = try txn.delete(key: UInt64(3).bigEndianBytes, in: try txn.openDatabase("events", create: false)) }
        }
        #expect(
            throws: LedgerError.corrupt(
                position: 3,
                reason:
                    """
                    the tree holds 3 events but the log ends at 2: events were removed after they were written; the store must not be appended to \
                    (restore a backup)
                    """
            )
        ) {
            _ = try Ledger(path: folder.path)
        }
    }

    @Test func aDeletedMiddleEventIsNamed() async throws {
        let report = try await tampered { txn, events in _ = try txn.delete(key: UInt64(5).bigEndianBytes, in: events) }
        #expect(report.firstProblem == .init(position: 5, reason: "position 5 is missing from the log"))
    }

    @Test func aSwappedPairIsNamedAtItsFirst() async throws {
        let report = try await tampered { txn, events in
            let (four, five) = (
                try #require(try txn.value(in: events, key: UInt64(4).bigEndianBytes)),
                try #require(try txn.value(in: events, key: UInt64(5).bigEndianBytes))
            )
            try txn.put(five, key: UInt64(4).bigEndianBytes, in: events)
            try txn.put(four, key: UInt64(5).bigEndianBytes, in: events)
        }
        #expect(report.firstProblem == .init(position: 4, reason: "the event claims position 5"))
    }

    /// A head moved behind the log's back (or left behind by a cut) is found once the walk ends.
    @Test func aHeadThatDisagreesWithTheLogIsNamed() async throws {
        let report = try await tampered { txn, _ in
            try txn.put(UInt64(99).bigEndianBytes, key: Array("case-1".utf8), in: try txn.openDatabase("heads", create: false))
        }
        #expect(report.firstProblem == .init(position: 13, reason: "the head of case-1 is not its last event's version 11"))
    }

    private func tampered(_ change: (borrowing WriteTransaction, Database) throws -> Void) async throws -> VerificationReport {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let ledger = try Ledger(path: folder.path)
            for index in 0..<12 {
                _ = try await ledger.append(to: stream("case-1"), events: [event("e", "{\"n\":\(index)}", sealed: "name \(index)")], metadata: alice)
            }
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            try environment.write { txn in try change(txn, try txn.openDatabase("events", create: false)) }
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        return try ledger.verify()
    }

    /// The last payload byte sits before the sealed flag and digest, the previous hash and the hash.
    private func lastPayloadByte(of stored: [UInt8]) -> Int { stored.count - 32 - 32 - 32 - 1 - 1 }

    private func rewrite(position: UInt64, in events: Database, _ txn: borrowing WriteTransaction, _ edit: (inout [UInt8]) -> Void) throws {
        let key = position.bigEndianBytes
        var stored = try #require(try txn.value(in: events, key: key))
        edit(&stored)
        try txn.put(stored, key: key, in: events)
    }
}

@Suite("A failed commit that is not a full disk")
struct WriteFailureTests {
    /// PostgreSQL's "fsyncgate": after a failed fdatasync the kernel may drop the dirty pages, so a
    /// later successful retry proves nothing. The ledger stops taking writes and says why; reads go on.
    @Test func anIOErrorWithRoomOnTheDiskStopsEveryLaterWrite() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice)
            let other = LedgerError.storage(.lmdb(code: LMDBError.keyExistsCode, operation: "mdb_put"))
            #expect(ledger.diagnosed(other) == other)  // not an I/O error: passed on as it is
            #expect(ledger.writesStoppedBecause == nil)
            guard case .writesStopped = ledger.diagnosed(.storage(.lmdb(code: EIO, operation: "mdb_txn_commit"))) else {
                Issue.record("an I/O error with room on the disk did not stop the writes")
                return
            }
            do {
                _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice)
                Issue.record("an append went through after writes stopped")
            } catch let error as LedgerError {
                guard case .writesStopped(let reason) = error else { Issue.record("\(error)"); return }
                #expect(reason.contains("I/O error"))
            }
            #expect(try ledger.event(at: 1) != nil)  // reads go on
        }
    }
}
