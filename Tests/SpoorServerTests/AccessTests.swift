import Foundation
import Glibc
import SpoorProtocol
import Testing

@Suite("Who may do what: peer credentials, roles, and denials on the record", .serialized)
struct AccessTests {
    static let outsider = "spoor-test-outsider"

    /// A second OS user for the test, made when missing; only root can.
    static func makeOutsider() -> Bool {
        if getpwnam(outsider) != nil { return true }
        let useradd = Process()
        useradd.executableURL = URL(fileURLWithPath: "/usr/sbin/useradd")
        useradd.arguments = ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", outsider]
        guard (try? useradd.run()) != nil else { return false }
        useradd.waitUntilExit()
        return useradd.terminationStatus == 0
    }

    // Issue 28: "`root` gets the `status` health check without a role; everything else stays denied."
    @Test("root without a role checks the daemon's health, and nothing else", .enabled(if: getuid() == 0, "needs to run as root"))
    func rootChecksHealth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("root-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try
            (#"""
        {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
         "signsCheckpoints": false, "users": {"nobody": ["auditor"]}}
        """#)
        .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        #expect(try ctl("status").status == 0)
        #expect(try ctl("worklist").status == 77)
        #expect(try ctl("metrics").status == 77)
    }

    // Issue 28: global options before the command, as `git -C` takes them; errors as JSON with --json.
    @Test("spoorctl takes --json and --socket before the command too, and says an error as JSON on stderr with --json")
    func globalOptionsFirst() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: "/nonexistent/spoor.sock")
        let status = try ctl("--socket", daemon.socketPath, "--json", "status")
        #expect(status.status == 0 && status.json?["lastPosition"] != nil, "\(status.error)")
        #expect(try ctl("--socket=\(daemon.socketPath)", "status").output.contains("last position"))
        let missing = try ctl("--json", "--socket", daemon.socketPath, "case", "show", "--case", "nope")
        let error = try JSONValue.parse(Array(missing.error.utf8))
        #expect(
            missing.status == 66 && error["error"]?["code"] == "not-found" && error["error"]?["message"]?.string?.contains("nope") == true,
            "\(missing.error)")
        let down = try ctl("--json", "status")
        #expect(down.status == 69 && (try? JSONValue.parse(Array(down.error.utf8)))?["error"]?["code"] == "unreachable", "\(down.error)")
    }

    @Test(
        "a user with no role is denied, and the denial is logged and recorded in the system stream",
        .enabled(if: getuid() == 0, "needs root to create a second user and run spoorctl as it"))
    func outsiderIsDenied() throws {
        #expect(Self.makeOutsider())
        let daemon = try DaemonProcess()
        // Let the outsider reach the socket at all, so that the daemon, not the file mode, refuses.
        chmod(daemon.folder, 0o755)
        chmod(daemon.socketPath, 0o666)
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let open = ["case", "open", "--case", "c1", "--unit", "u", "--gender", "male", "--nationality-group", "dutch", "--age", "15"]
        let refused = try ctl.run(open, asUser: Self.outsider)
        #expect(refused.status == 77, "\(refused.error)")
        #expect(refused.error.contains("has no role"))
        #expect(try ctl.run(["status"], asUser: Self.outsider).status == 77)
        #expect(try ctl("case", "show", "--case", "c1").status == 66)  // nothing was written

        let events = try daemon.client()
        var denials: [JSONValue] = []
        _ = try events.call(.eventsTail, ["from": 1]) { if $0["type"] == "access-denied" { denials.append($0) } }
        #expect(denials.count == 2)
        #expect(denials.first?["actor"]?["name"] == .string(Self.outsider))
        #expect(denials.first?["stream"] == "system")
        daemon.stop()
        #expect(daemon.log.contains("<4>denied open a case to \(Self.outsider)") || daemon.log.contains("<4>denied case.command to \(Self.outsider)"))
    }

    @Test("the actor of an event is the peer's OS user, whatever the request claims")
    func actorFromPeer() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        var params = try JSONValue(
            encoding: CommandParams(
                case: "c1", command: "open-case",
                body: [
                    "unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "male", "nationalityGroup": "dutch", "ageAtOpening": 15],
                ]))
        if case .object(var object) = params {
            object["actor"] = "someone-else"
            params = .object(object)
        }
        #expect(throws: ClientError.self) { try client.call(.caseCommand, params) }
        params = try JSONValue(
            encoding: CommandParams(
                case: "c1", command: "open-case",
                body: [
                    "unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "male", "nationalityGroup": "dutch", "ageAtOpening": 15],
                ]))
        _ = try client.call(.caseCommand, params)
        var actors: [JSONValue] = []
        _ = try client.call(.eventsTail, ["from": 2]) { actors.append($0["actor"] ?? .null) }  // 1: the daemon adopted its protocol
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        #expect(actors == [["uid": .number(Double(getuid())), "name": .string(me)]])
        daemon.stop()
    }

    @Test("auditors and admins see no personal content")
    func sealedForAuditors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roles-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        let configuration =
            #"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signsCheckpoints": false, "units": {"\#(me)": ["u"]}, "users": {"\#(me)": ["auditor", "professional"]}}
            """#
        try configuration.write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        let client = try SocketClient(socketPath: folder + "/s.sock")
        _ = try client.call(
            .caseCommand,
            JSONValue(
                encoding: CommandParams(
                    case: "c1", command: "open-case",
                    body: [
                        "unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "male", "nationalityGroup": "dutch", "ageAtOpening": 15],
                        "personal": ["name": "Joris", "birthDate": "2011-01-01"],
                    ])))
        #expect(try client.call(.caseShow, ["case": "c1"])["personal"]?["name"] == "Joris")
        #expect(throws: ClientError.self) { try client.call(.subjectExport, ["case": "c1"]) }  // the privacy officer's alone
        // Reload the configuration with the auditor role alone: the same user now sees the skeleton.
        try configuration.replacingOccurrences(of: #", "professional""#, with: "").write(
            toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        kill(daemon.process.processIdentifier, SIGHUP)
        var shown: JSONValue?
        for _ in 0..<100 {
            shown = try client.call(.caseShow, ["case": "c1"])
            if shown?["personal"] == "«sealed»" && daemon.log.contains("reloaded users and roles") { break }  // the line follows the swap
            usleep(20_000)
        }
        #expect(shown?["personal"] == "«sealed»")
        #expect(daemon.log.contains("reloaded users and roles"))
        daemon.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
