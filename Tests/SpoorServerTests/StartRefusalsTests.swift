import Foundation
import Glibc
import Testing

/// Issue 28: "`spoord` without a signing key refuses to start (exit 78) unless the configuration
/// says that this server signs no checkpoints", and "running spoord by hand without socket
/// activation makes the socket 0660 with the group the configuration names (`socketGroup`,
/// default `spoor-admin`)".
@Suite("What spoord refuses at start, and the socket it makes by hand")
struct StartRefusalsTests {
    static func configure(_ extra: String) throws -> String {
        let folder = try OperationsTests.folder("spoor-start")
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try
            (#"""
        {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
         "users": {"\#(me)": ["admin"]}\#(extra)}
        """#)
        .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("no signing key: exit 78, saying how to make one, unless signsCheckpoints is false")
    func noSigningKey() throws {
        let folder = try Self.configure("")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock", waitForSocket: false)
        #expect(refused.exitStatus() == 78)
        #expect(refused.log.contains("names no checkpoint signing key") && refused.log.contains("signsCheckpoints"), "\(refused.log)")
        let bench = try Self.configure(#", "signsCheckpoints": false"#)
        defer { try? FileManager.default.removeItem(atPath: bench) }
        let started = try DaemonProcess(arguments: ["--config", bench + "/spoord.json"], socketPath: bench + "/s.sock")
        #expect(started.stop() == 0)
    }

    @Test("by hand, the socket is 0660 and belongs to socketGroup; a group that does not exist is refused")
    func socketGroup() throws {
        let group = String(cString: getgrgid(getgid()).pointee.gr_name) == "daemon" ? "bin" : "daemon"  // another group than the daemon's own
        let expected = try #require(getgrnam(group)).pointee.gr_gid
        let folder = try Self.configure(#", "signsCheckpoints": false, "socketGroup": "\#(group)""#)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
            defer { daemon.stop() }
            var info = stat()
            #expect(stat(folder + "/s.sock", &info) == 0)
            #expect(
                info.st_mode & 0o777 == 0o660 && (getuid() != 0 || info.st_gid == expected),
                "mode \(String(info.st_mode & 0o777, radix: 8)), group \(info.st_gid)")
        }
        let missing = try Self.configure(#", "signsCheckpoints": false, "socketGroup": "no-such-group-here""#)
        defer { try? FileManager.default.removeItem(atPath: missing) }
        let refused = try DaemonProcess(arguments: ["--config", missing + "/spoord.json"], socketPath: missing + "/s.sock", waitForSocket: false)
        #expect(refused.exitStatus() == 78)
        #expect(refused.log.contains("no-such-group-here, which is not a group"), "\(refused.log)")
    }

    @Test("a socket whose folder does not exist: exit 78, naming the path and the folder")
    func bindNamesThePath() throws {
        let folder = try Self.configure(#", "signsCheckpoints": false"#)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configuration = try String(contentsOfFile: folder + "/spoord.json", encoding: .utf8)
            .replacingOccurrences(of: folder + "/s.sock", with: folder + "/missing/s.sock")
        try configuration.write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let refused = try DaemonProcess(
            arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/missing/s.sock", waitForSocket: false)
        #expect(refused.exitStatus() == 78)
        #expect(
            refused.log.contains("socket \(folder)/missing/s.sock: cannot bind it: the folder \(folder)/missing does not exist"), "\(refused.log)")
    }
}
