import Foundation
import Glibc
import Testing
@testable import SpoorApplication
@testable import SpoorServer

/// A full disk is an environment failure like any other: the daemon answers with what is wrong and
/// how to fix it, keeps serving reads, loses nothing acknowledged, and appends again once there is
/// room. Its log lines then cannot be written either; they are dropped, never fatal.
enum SmallFileSystem {
    /// Whether this machine lets the tests mount a tmpfs (root, and not forbidden by a container).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? SystemdUnitTests.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]))?.status == 0 else { return false }
        _ = try? SystemdUnitTests.run(["umount", probe])
        return true
    }()
}

@Suite("A full disk", .enabled(if: SmallFileSystem.canMount, "needs root and permission to mount a small tmpfs"))
struct DiskFullTests {
    @Test("appends fail naming the full disk and its fix, reads go on, the log's failures are survived, and appends resume")
    func fullDisk() throws {
        let mount = FileManager.default.temporaryDirectory.appendingPathComponent("full-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(try SystemdUnitTests.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount]).status == 0)
        defer {
            _ = try? SystemdUnitTests.run(["umount", "-l", mount])
            try? FileManager.default.removeItem(atPath: mount)
        }
        // The daemon's standard error goes to the same file system, as a redirect to a full /var would.
        let daemon = try DaemonProcess(
            arguments: ["--development", mount + "/spoor"], socketPath: mount + "/spoor/spoor.sock",
            logPath: mount + "/spoord.log")
        let ctl = Spoorctl(socketPath: mount + "/spoor/spoor.sock")
        func open(_ id: String) throws -> Spoorctl.Result {
            try ctl.run([
                "case", "open", "--case", id, "--unit", "u", "--gender", "male", "--nationality-group", "dutch", "--age", "15",
                "--name", "N \(id)", "--birth-date", "2011-01-01",
            ])
        }
        #expect(try open("first").status == 0)
        var stats = statvfs()
        statvfs(mount, &stats)
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        try #require(FileManager.default.createFile(atPath: mount + "/filler", contents: Data(count: max(0, free - 150 << 10))))

        var refused: Spoorctl.Result?
        var acknowledged: [String] = ["first"]
        for n in 1...2_000 {
            let result = try open("c\(n)")
            guard result.status == 0 else {
                refused = result
                break
            }
            acknowledged.append("c\(n)")
        }
        let failure = try #require(refused, "the disk never filled")
        #expect(failure.status == 69 && failure.error.contains("is full") && failure.error.contains("free space on it"), "\(failure.error)")
        #expect(daemon.process.isRunning, "the daemon died on the full disk: \(daemon.log)")
        #expect(try ctl("status").status == 0)
        for id in [acknowledged.first!, acknowledged.last!] {
            #expect(try ctl("case", "show", "--case", id, "--json").json?["case"] == .string(id), "an acknowledged case is gone")
        }

        try FileManager.default.removeItem(atPath: mount + "/filler")
        #expect(try open("after").status == 0)
        #expect(try ctl("audit", "verify").status == 0)
        #expect(daemon.stop() == 0)
    }
}

@Suite("Logging never stops the daemon")
struct LogFailureTests {
    /// `/dev/full` refuses every write with ENOSPC, as a full disk under a redirected stderr does.
    @Test func aLineThatCannotBeWrittenIsDroppedNotFatal() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        #expect(JournalLogHandler.write("<6>a line\n", to: full) == false)
        let devNull = open("/dev/null", O_WRONLY)
        defer { close(devNull) }
        #expect(JournalLogHandler.write("<6>a line\n", to: devNull))
    }
}

@Suite("The store's map at its ceiling")
struct MapFullTests {
    /// `maxStoreBytes` caps the LMDB map; at the cap, appends are refused with the cause and the
    /// fix, reads go on, and nothing acknowledged is lost.
    @Test func appendsAtTheCeilingAreRefusedWithTheFixAndReadsGoOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ceiling-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try
            (#"""
        {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
         "signsCheckpoints": false, "maxStoreBytes": 1048576, "units": {"\#(me)": ["*"]}, "users": {"\#(me)": ["professional"]}}
        """#)
        .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: folder + "/s.sock")
        var refused: Spoorctl.Result?
        var last = ""
        for n in 0..<5_000 {
            let result = try ctl.run([
                "case", "open", "--case", "m\(n)", "--unit", "u", "--gender", "male", "--nationality-group", "dutch",
                "--age", "15", "--name", String(repeating: "n", count: 2_000), "--birth-date", "2011-01-01",
            ])
            guard result.status == 0 else {
                refused = result
                break
            }
            last = "m\(n)"
        }
        let failure = try #require(refused, "the map never filled")
        #expect(failure.status == 69 && failure.error.contains("may not grow past the cap"), "\(failure.error)")
        #expect(try ctl("case", "show", "--case", last, "--json").json?["case"] == .string(last))
        #expect(try ctl("status").status == 0)
    }
}
