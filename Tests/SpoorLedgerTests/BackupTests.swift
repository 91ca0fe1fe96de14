import Foundation
import Testing
@testable import SpoorLedger

@Suite("Backups and LMDB's own tools")
struct BackupTests {
    @Test func aHotBackupOpensAsALedgerWithTheSameLog() async throws {
        try await withLedger { ledger, folder in
            for index in 0..<100 { _ = try await ledger.append(to: stream("case-\(index % 7)"), events: [event(sealed: "x")], metadata: alice) }
            let backupPath = folder.path + "-backup"
            defer { try? FileManager.default.removeItem(atPath: backupPath) }
            async let moreAppends: Void = {
                for _ in 0..<50 { _ = try await ledger.append(to: stream("case-9"), events: [event()], metadata: alice) }
            }()
            try ledger.backup(to: backupPath)
            try await moreAppends

            let copy = try Ledger(path: backupPath)
            defer { copy.close() }
            #expect(copy.lastPosition >= 100)
            #expect(try copy.read(from: 1, limit: 100) == (try ledger.read(from: 1, limit: 100)))
            #expect(try copy.verify().isIntact)
        }
    }

    @Test func debiansMdbStatReadsTheEnvironment() async throws {
        let mdbStat = try #require(
            ["/usr/bin/mdb_stat", "/usr/local/bin/mdb_stat"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "mdb_stat is missing: install Debian's lmdb-utils (make test does)")
        try await withLedger { ledger, folder in
            for _ in 0..<10 { _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: mdbStat)
            process.arguments = ["-a", folder.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            for name in ["events", "streams", "heads", "ids", "sealed"] {
                #expect(text.contains("Status of \(name)"), "mdb_stat lists \(name)")
            }
            #expect(text.contains("Entries: 10"))
        }
    }
}
