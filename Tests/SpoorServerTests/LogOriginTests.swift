import Foundation
import Testing

/// Issue 28: "Each institution's log has its own name. A store keeps the origin it was created
/// with (changing it would break every auditor's key and checkpoint); a new store defaults to a
/// schema-less URL built from the configuration (`<domain>/spoor`, as c2sp.org/tlog-checkpoint
/// recommends) rather than the host name, so a wrong-key message tells two logs apart."
@Suite("A log's name: from the configuration's domain, kept by the store for good")
struct LogOriginTests {
    final class Install {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("origin-\(UUID().uuidString.prefix(8))").path
        var config: String { folder + "/spoord.json" }

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
            try Data(repeating: 9, count: 32).write(to: URL(fileURLWithPath: folder + "/signing-key"))
        }

        /// Writes the configuration with `naming` (`"domain": …` or `"logOrigin": …`, or nothing).
        func configure(_ naming: String) throws {
            let me = String(cString: getpwuid(getuid()).pointee.pw_name)
            try
                (#"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signingKeyPath": "\#(folder)/signing-key", \#(naming) "users": {"\#(me)": ["auditor"]}}
            """#)
            .write(toFile: config, atomically: true, encoding: .utf8)
        }

        func start() throws -> DaemonProcess { try DaemonProcess(arguments: ["--config", config], socketPath: folder + "/s.sock") }
        func refused() throws -> DaemonProcess {
            try DaemonProcess(arguments: ["--config", config], socketPath: folder + "/s.sock", waitForSocket: false)
        }

        func origin(of daemon: DaemonProcess) throws -> String {
            let note = try #require(try Spoorctl(socketPath: daemon.socketPath)("audit", "checkpoint", "--json").json?["checkpoint"]?.string)
            return String(note.split(separator: "\n")[0])
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test("a new store is named <domain>/spoor and keeps that name; another logOrigin later is refused, naming both")
    func keptForGood() throws {
        let install = try Install()
        try install.configure(#""domain": "jeugdzorg-noord.nl","#)
        var daemon = try install.start()
        #expect(try install.origin(of: daemon) == "jeugdzorg-noord.nl/spoor")
        daemon.stop()
        try install.configure(#""domain": "jeugdzorg-zuid.nl","#)  // the institution renamed its domain
        daemon = try install.start()
        #expect(try install.origin(of: daemon) == "jeugdzorg-noord.nl/spoor", "the store keeps its name")
        daemon.stop()
        try install.configure(#""logOrigin": "spoor/host1","#)
        let refused = try install.refused()
        #expect(refused.exitStatus() == 78)
        #expect(refused.log.contains("names the log spoor/host1, but the store's log is named jeugdzorg-noord.nl/spoor for good"), "\(refused.log)")
    }

    @Test("a new store with a signing key and no name refuses to start, saying what to set")
    func aNewLogNeedsAName() throws {
        let install = try Install()
        try install.configure("")
        let refused = try install.refused()
        #expect(refused.exitStatus() == 78 && refused.log.contains("names no log: set domain"), "\(refused.log)")
        try install.configure(#""logOrigin": "jeugdzorg noord","#)
        let spaced = try install.refused()
        #expect(spaced.exitStatus() == 78 && spaced.log.contains("without spaces or +"), "\(spaced.log)")
    }

    @Test("a checkpoint of one institution's log held to another's key names both logs")
    func twoLogsToldApart() throws {
        let (north, south) = (try Install(), try Install())
        try north.configure(#""domain": "jeugdzorg-noord.nl","#)
        try south.configure(#""domain": "jeugdzorg-zuid.nl","#)
        try Data(repeating: 8, count: 32).write(to: URL(fileURLWithPath: south.folder + "/signing-key"))
        let (n, s) = (try north.start(), try south.start())
        defer { n.stop(); s.stop() }
        let ctl = Spoorctl(socketPath: n.socketPath)
        #expect(try ctl("audit", "checkpoint", "--out", north.folder + "/north.checkpoint").status == 0)
        let southKey = try #require(try Spoorctl(socketPath: s.socketPath)("audit", "checkpoint", "--json").json?["verifierKey"]?.string)
        let wrong = try ctl("audit", "verify", "--checkpoint", north.folder + "/north.checkpoint", "--key", southKey)
        #expect(wrong.status == 65 && wrong.error.contains(#"the log "jeugdzorg-noord.nl/spoor", not "jeugdzorg-zuid.nl/spoor""#), "\(wrong.error)")
    }
}
