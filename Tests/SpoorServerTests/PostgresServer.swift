import Foundation
import Glibc

/// A throwaway PostgreSQL 15 for a test, in a folder of its own, on a Unix socket only, with full
/// durability; run as the package's `postgres` user when the test runs as root (initdb refuses root).
/// With `replicated`, a primary for a streaming standby (``standby(synchronous:)``).
final class PostgresServer: @unchecked Sendable {
    static let bin = "/usr/lib/postgresql/15/bin"
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: bin + "/postgres") }
    /// The standby's name in `synchronous_standby_names`.
    static let standbyName = "standby"

    /// The data directory.
    let folder: String
    /// Where the server's Unix socket is: beside the data, not in it, so that a base backup does not copy it.
    var socket: String { (folder as NSString).deletingLastPathComponent + "/socket" }
    let user = "hub"
    private let asUser: [String]

    /// A new primary. `synchronous`: `synchronous_standby_names` names the standby and commits wait
    /// for it to apply them (remote_apply); `false`: asynchronous commit, the control case.
    init(database: String, replicated synchronous: Bool? = nil) throws {
        (folder, asUser) = try Self.makeFolder()
        try Self.check(try Self.run(asUser + [Self.bin + "/initdb", "-D", folder, "-A", "trust", "-U", user, "-E", "UTF8"]))
        var settings = ["listen_addresses = ''", "unix_socket_directories = '\(socket)'", "fsync = on"]
        switch synchronous {
        case nil: settings.append("synchronous_commit = on")
        case true?: settings += ["wal_level = replica", "max_wal_senders = 4", "synchronous_commit = remote_apply"]
        case false?: settings += ["wal_level = replica", "max_wal_senders = 4", "synchronous_commit = off"]
        }
        try append(settings, to: "postgresql.conf")
        try start()
        try Self.check(try psql("CREATE DATABASE \(database);", database: "postgres"))
        // Named once the database exists, which a standby then copies: until it attaches, commits wait for it.
        if synchronous == true {
            try Self.check(try psql("ALTER SYSTEM SET synchronous_standby_names = '\(Self.standbyName)'", database: "postgres"))
            try Self.check(try psql("SELECT pg_reload_conf()", database: "postgres"))
        }
    }

    /// A streaming standby of `primary`, named as `synchronous_standby_names` expects, caught up.
    init(standbyOf primary: PostgresServer) throws {
        (folder, asUser) = try Self.makeFolder()
        try Self.check(
            try Self.run(
                asUser + [
                    Self.bin + "/pg_basebackup", "-h", primary.socket, "-U", user, "-D", folder, "-X", "stream", "-R",
                    "-c", "fast",
                ]))
        try append(
            [
                "unix_socket_directories = '\(socket)'", "hot_standby = on",
                "primary_conninfo = 'host=\(primary.socket) user=\(user) application_name=\(Self.standbyName)'",
            ], to: "postgresql.auto.conf")
        try start()
    }

    private static func makeFolder() throws -> (folder: String, asUser: [String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString.prefix(8))").path
        let folder = root + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/socket", withIntermediateDirectories: true)
        chmod(folder, 0o700)
        guard getuid() == 0 else { return (folder, []) }
        chmod(root, 0o755)
        _ = try run(["chown", "postgres:postgres", folder, root + "/socket"])
        return (folder, ["runuser", "-u", "postgres", "--"])
    }

    private func append(_ settings: [String], to file: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/" + file))
        handle.seekToEndOfFile()
        handle.write(Data((settings.joined(separator: "\n") + "\n").utf8))
        try handle.close()
    }

    /// Starts the server and waits until it accepts connections.
    func start() throws {
        // Through Python, which closes every inherited descriptor in its child: a server that
        // inherited the one Foundation watches for the child's exit would keep `waitUntilExit` waiting.
        try Self.check(
            try Self.run(
                ["python3", "-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"]
                    + asUser + [Self.bin + "/pg_ctl", "-D", folder, "-l", folder + "/log", "-w", "start"]))
    }

    /// Stops the server cleanly (a standby taken away for maintenance).
    func stopCleanly() throws {
        try Self.check(try Self.run(asUser + [Self.bin + "/pg_ctl", "-D", folder, "-m", "fast", "-w", "stop"]))
    }

    /// `kill -9` of the postmaster and every process it started: a crash, nothing flushed on the way out.
    func crash() {
        guard let text = try? String(contentsOfFile: folder + "/postmaster.pid", encoding: .utf8),
            let pid = text.split(separator: "\n").first.flatMap({ pid_t($0) })
        else { return }
        _ = try? Self.run(["pkill", "-KILL", "-P", "\(pid)"])
        kill(pid, SIGKILL)
        for _ in 0..<200 where kill(pid, 0) == 0 { usleep(10_000) }
    }

    /// Every WAL record the server wrote, as `pg_waldump` shows them (with the data of each block image).
    func walDump() throws -> String {
        let wal = folder + "/pg_wal"
        // The checkpoint first: it may recycle segments, which would vanish while read.
        _ = try? psql("CHECKPOINT", database: "postgres")
        let segments = try FileManager.default.contentsOfDirectory(atPath: wal).filter { $0.count == 24 && $0.allSatisfy(\.isHexDigit) }.sorted()
        guard let first = segments.first, let last = segments.last else { return "" }
        let records = try Self.run(asUser + [Self.bin + "/pg_waldump", "-p", wal, first, last]).output
        // The raw segments too: pg_waldump prints record headers, not the tuples' bytes.
        let raw = segments.compactMap { try? Data(contentsOf: URL(fileURLWithPath: wal + "/" + $0)) }.map { String(decoding: $0, as: UTF8.self) }
            .joined()
        return records + raw
    }

    /// Runs SQL with psql; the output, unaligned.
    func psql(_ sql: String, database: String) throws -> (status: Int32, output: String) {
        try Self.run(["psql", "-X", "-q", "-t", "-A", "-h", socket, "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql])
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
