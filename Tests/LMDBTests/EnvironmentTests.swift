import Foundation
import Testing
@testable import LMDB

@Suite("LMDB wrapper")
struct EnvironmentTests {
    let path = NSTemporaryDirectory() + "lmdb-test-" + UUID().uuidString

    private func open(_ configure: (inout EnvironmentOptions) -> Void = { _ in }) throws -> Environment {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var options = EnvironmentOptions()
        configure(&options)
        return try Environment(path: path, options: options)
    }

    @Test func putGetDeleteAndCount() throws {
        let env = try open()
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        try env.write { txn in
            try txn.put([1, 2, 3], key: [0x61], in: db)
            try txn.put([4], key: [0x62], in: db)
        }
        #expect(try env.read { txn in try txn.value(in: db, key: [0x61]) } == [1, 2, 3])
        #expect(try env.read { txn in try txn.value(in: db, key: [0x7A]) } == nil)
        #expect(try env.write { txn in try txn.delete(key: [0x61], in: db) })
        #expect(try env.write { txn in try txn.delete(key: [0x61], in: db) } == false)
        #expect(try env.read { txn in try txn.count(of: db) } == 1)
    }

    @Test func aThrowingWriteLeavesNothing() throws {
        struct Refused: Error {}
        let env = try open()
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        #expect(throws: Refused.self) {
            try env.write { txn in
                try txn.put([1], key: [1], in: db)
                throw Refused()
            }
        }
        #expect(try env.read { txn in try txn.count(of: db) } == 0)
    }

    @Test func aFailedNestedTransactionLeavesItsParentIntact() throws {
        struct Refused: Error {}
        let env = try open()
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        try env.write { txn in
            try txn.put([1], key: [1], in: db)
            _ = try? txn.nested { child in
                try child.put([2], key: [2], in: db)
                throw Refused()
            }
            try txn.nested { child in try child.put([3], key: [3], in: db) }
        }
        let keys = try env.read { txn in
            try txn.withCursor(on: db) { cursor in
                var keys: [UInt8] = []
                try cursor.forEach { key, _ in
                    keys.append(key[0]); return true
                }
                return keys
            }
        }
        #expect(keys == [1, 3])
    }

    @Test func appendAndNoOverwriteRefuseWithLMDBsCode() throws {
        let env = try open()
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        try env.write { txn in try txn.put([1], key: [5], in: db, flags: .append) }
        #expect(throws: LMDBError.lmdb(code: LMDBError.keyExistsCode, operation: "mdb_put(things)")) {
            try env.write { txn in try txn.put([1], key: [4], in: db, flags: .append) }
        }
        #expect(throws: LMDBError.lmdb(code: LMDBError.keyExistsCode, operation: "mdb_put(things)")) {
            try env.write { txn in try txn.put([2], key: [5], in: db, flags: .noOverwrite) }
        }
    }

    @Test func cursorsSeekAndWalkBothWays() throws {
        let env = try open()
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        try env.write { txn in for key: UInt8 in [10, 20, 30] { try txn.put([key], key: [key], in: db) } }
        try env.read { txn in
            try txn.withCursor(on: db) { (cursor: borrowing Cursor) throws in
                #expect(try cursor.seek(atLeast: [15]))
                #expect(try cursor.withCurrent { key, _ in key[0] } == 20)
                #expect(try cursor.previous())
                #expect(try cursor.withCurrent { key, _ in key[0] } == 10)
                #expect(try cursor.last())
                #expect(try cursor.withCurrent { _, value in value[0] } == 30)
                #expect(try cursor.next() == false)
                #expect(try cursor.seek(atLeast: [31]) == false)
            }
        }
    }

    @Test func writesGrowTheMapUntilTheCap() throws {
        let env = try open {
            $0.mapSize = 32 << 10; $0.maxMapSize = 1 << 20
        }
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        let value = [UInt8](repeating: 7, count: 1_000)
        var written: UInt32 = 0
        #expect(throws: LMDBError.mapCapReached(mapSize: 1 << 20, cap: 1 << 20)) {
            while true {
                try env.write { txn in try txn.put(value, key: withUnsafeBytes(of: written.bigEndian) { Array($0) }, in: db) }
                written += 1
            }
        }
        #expect(written > 500)
        #expect(env.mapSize == 1 << 20)
        #expect(try env.read { txn in try txn.count(of: db) } == Int(written))
    }

    @Test func aCompactCopyOpensWithTheSameData() throws {
        let env = try open()
        defer { env.close(); try? FileManager.default.removeItem(atPath: path) }
        let db = try env.openDatabase("things")
        try env.write { txn in for key: UInt8 in 0..<100 { try txn.put([key], key: [key], in: db) } }
        try env.write { txn in for key: UInt8 in 0..<50 { try txn.delete(key: [key], in: db) } }
        let copyPath = path + "-copy"
        try FileManager.default.createDirectory(atPath: copyPath, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: copyPath) }
        try env.copy(to: copyPath, compact: true)
        let copy = try Environment(path: copyPath)
        defer { copy.close() }
        let copied = try copy.openDatabase("things", create: false)
        #expect(try copy.read { txn in try txn.count(of: copied) } == 50)
    }

    @Test func errorsNameTheOperationAndLMDBsMessage() throws {
        #expect(throws: LMDBError.self) { try Environment(path: "/nonexistent/spoor/folder") }
        let error = LMDBError.lmdb(code: LMDBError.mapFullCode, operation: "mdb_put(events)")
        #expect(error.description == "LMDB mdb_put(events) failed: MDB_MAP_FULL: Environment mapsize limit reached (code -30792)")
    }

    @Test func aClosedEnvironmentRefusesTransactions() throws {
        let env = try open()
        defer { try? FileManager.default.removeItem(atPath: path) }
        env.close()
        #expect(throws: LMDBError.closed) { try env.read { _ in 1 } }
    }
}
