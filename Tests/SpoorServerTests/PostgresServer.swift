import Foundation
import Glibc

/// A throwaway PostgreSQL 15 for a test, in a folder of its own, on a Unix socket only, with full
/// durability; run as the package's `postgres` user when the test runs as root (initdb refuses root).
final class PostgresServer: @unchecked Sendable {
    static let bin = "/usr/lib/postgresql/15/bin"
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: bin + "/postgres") }

    let folder: String
    let user = "hub"
    private let asUser: [String]

    init(database: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString.prefix(8))").path
        folder = root + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        asUser = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
        if getuid() == 0 {
            chmod(root, 0o755)
            _ = try Self.run(["chown", "postgres:postgres", folder])
        }
        try Self.check(try Self.run(asUser + [Self.bin + "/initdb", "-D", folder, "-A", "trust", "-U", user, "-E", "UTF8"]))
        let settings = ["listen_addresses = ''", "unix_socket_directories = '\(folder)'", "fsync = on", "synchronous_commit = on"]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/postgresql.conf"))
        handle.seekToEndOfFile()
        handle.write(Data((settings.joined(separator: "\n") + "\n").utf8))
        try handle.close()
        // Through Python, which closes every inherited descriptor in its child: a server that
        // inherited the one Foundation watches for the child's exit would keep `waitUntilExit` waiting.
        try Self.check(try Self.run(["python3", "-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"]
                                    + asUser + [Self.bin + "/pg_ctl", "-D", folder, "-l", folder + "/log", "-w", "start"]))
        try Self.check(try psql("CREATE DATABASE \(database);", database: "postgres"))
    }

    /// Runs SQL with psql; the output, unaligned.
    func psql(_ sql: String, database: String) throws -> (status: Int32, output: String) {
        try Self.run(["psql", "-X", "-q", "-t", "-A", "-h", folder, "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    func stop() {
        _ = try? Self.run(asUser + [Self.bin + "/pg_ctl", "-D", folder, "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) { try SystemdUnitTests.run(arguments, in: "/") }

    static func check(_ result: (status: Int32, output: String)) throws {
        struct Failed: Error, CustomStringConvertible { let description: String }
        guard result.status == 0 else { throw Failed(description: result.output) }
    }
}
