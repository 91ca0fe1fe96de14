import Foundation
import LMDB
@testable import SpoorLedger
@testable import SpoorProof
import Testing

@Suite("The Merkle tree kept by the ledger")
struct LedgerMerkleTests {
    @Test("tree heads and proofs from the store agree with the tree computed from the events")
    func storeAgrees() async throws {
        try await withLedger { ledger, _ in
            for n in 0..<37 { _ = try await ledger.append(to: stream("case-\(n % 3)"), events: [event("e", "{\"n\":\(n)}")], metadata: alice) }
            let leaves = try ledger.read(from: 1, limit: 100).map { MerkleHash.leaf($0.hash.bytes) }
            for size in [1, 2, 7, 16, 37] {
                #expect(
                    try ledger.treeHead(size: UInt64(size)).root == (try MerkleTree.root(size: UInt64(size), MerkleTree.perfect(ofLeaves: leaves))))
            }
            let head = try ledger.treeHead()
            #expect(head.size == 37)
            for position in [1, 13, 37] as [UInt64] {
                let (proof, proofHead) = try ledger.inclusionProof(position: position, treeSize: 37)
                #expect(proofHead == head)
                #expect(
                    MerkleVerifier.verifyInclusion(
                        leafHash: try ledger.leafHash(position: position), index: position - 1, size: 37, proof: proof, root: head.root))
            }
            let old = try ledger.treeHead(size: 20)
            #expect(
                MerkleVerifier.verifyConsistency(
                    oldSize: 20, newSize: 37, oldRoot: old.root, newRoot: head.root,
                    proof: try ledger.consistencyProof(from: 20, to: 37)))
            #expect(throws: LedgerError.beyondTree(size: 38, treeSize: 37)) { try ledger.treeHead(size: 38) }
            #expect(throws: LedgerError.self) { try ledger.inclusionProof(position: 38, treeSize: 37) }
            #expect(throws: LedgerError.self) { try ledger.inclusionProof(position: 0, treeSize: 37) }
        }
    }

    @Test("a Merkle node changed behind the ledger's back is found and located")
    func tamperedNode() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let ledger = try Ledger(path: folder.path)
            for n in 0..<12 { _ = try await ledger.append(to: stream("case-1"), events: [event("e", "{\"n\":\(n)}")], metadata: alice) }
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            try environment.write { txn in
                let merkle = try txn.openDatabase("merkle", create: false)
                try txn.put([UInt8](repeating: 7, count: 32), key: LedgerStore.merkleKey(level: 1, index: 2), in: merkle)  // over leaves 5 and 6
            }
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let report = try ledger.verify()
        #expect(report.firstProblem?.position == 6)
        #expect(report.firstProblem?.reason.contains("Merkle") == true)
    }

    @Test("a store without a tree gets one on open, with the same root")
    func backfill() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let root: ChainHash
        do {
            let ledger = try Ledger(path: folder.path)
            for n in 0..<21 { _ = try await ledger.append(to: stream("case-1"), events: [event("e", "{\"n\":\(n)}")], metadata: alice) }
            root = try ledger.treeHead().root
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            try environment.write { txn in try txn.empty(try txn.openDatabase("merkle", create: false)) }
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(try ledger.treeHead() == TreeHead(size: 21, root: root))
        #expect(try ledger.verify().isIntact)
    }
}

@Suite("Checkpoints hold the log to its past")
struct CheckpointHoldsTests {
    @Test("a forger who rewrites an event and rebuilds the whole tree still fails the old checkpoint")
    func rebuiltTreeFailsConsistency() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let before: TreeHead
        do {
            let ledger = try Ledger(path: folder.path)
            for n in 0..<10 { _ = try await ledger.append(to: stream("case-1"), events: [event("e", "{\"n\":\(n)}")], metadata: alice) }
            before = try ledger.treeHead()
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            try environment.write { txn in
                let events = try txn.openDatabase("events", create: false)
                var stored = try #require(try txn.value(in: events, key: UInt64(3).bigEndianBytes))
                stored[stored.count - 32 - 32 - 32 - 1 - 1 - 1] ^= 0x01  // a payload byte of event 3
                stored.replaceSubrange(stored.count - 32..<stored.count, with: ChainHash.of(Array(stored.dropLast(32))).bytes)
                try txn.put(stored, key: UInt64(3).bigEndianBytes, in: events)
                try txn.empty(try txn.openDatabase("merkle", create: false))  // the ledger rebuilds it on open
            }
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let after = try ledger.treeHead()
        #expect(after.size == before.size && after.root != before.root)
        #expect(
            !MerkleVerifier.verifyConsistency(
                oldSize: before.size, newSize: after.size, oldRoot: before.root, newRoot: after.root,
                proof: try ledger.consistencyProof(from: before.size, to: after.size)))
    }

    @Test("erasing sealed parts leaves the chain, the tree and every proof valid")
    func erasureKeepsProofs() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let head: TreeHead
        do {
            let ledger = try Ledger(path: folder.path)
            for n in 0..<9 {
                _ = try await ledger.append(to: stream("case-1"), events: [event("e", "{\"n\":\(n)}", sealed: "name \(n)")], metadata: alice)
            }
            head = try ledger.treeHead()
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            try environment.write { txn in try txn.empty(try txn.openDatabase("sealed", create: false)) }
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(try ledger.sealedContent(at: 4) == nil)
        #expect(try ledger.verify().isIntact)
        #expect(try ledger.treeHead() == head)
        for position in 1...head.size {
            let (proof, proofHead) = try ledger.inclusionProof(position: position, treeSize: head.size)
            #expect(proofHead == head)
            #expect(
                MerkleVerifier.verifyInclusion(
                    leafHash: try ledger.leafHash(position: position), index: position - 1, size: head.size, proof: proof, root: head.root))
        }
    }
}
