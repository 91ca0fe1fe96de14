import Foundation
import Glibc
import Testing
import SpoorProtocol
import SpoorDomain
@testable import SpoorApplication
@testable import SpoorServer

/// The institution's protocol through the real daemon: "Het is voor hulpverleners niet duidelijk
/// welke partij er verantwoordelijk is voor het doorzetten van signalen en op welk moment dit
/// gedaan dient te worden" (research report §6.4). The protocol says it, and every case is held to it.
@Suite("The protocol through the daemon")
struct ProtocolScenarioTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("systemd/protocol.json.example")

    /// A daemon run from a configuration file that gives the test's user `roles` and reads the protocol at `protocol.json`.
    final class Configured {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("protocol-\(UUID().uuidString.prefix(8))").path
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        var daemon: DaemonProcess!
        var ctl: Spoorctl { Spoorctl(socketPath: folder + "/s.sock") }
        var protocolPath: String { folder + "/protocol.json" }

        init(roles: [String], protocol text: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
            try text.write(toFile: protocolPath, atomically: true, encoding: .utf8)
            try configure(roles: roles)
            daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        }

        func configure(roles: [String]) throws {
            let list = roles.map { "\"\($0)\"" }.joined(separator: ", ")
            try
                (#"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signsCheckpoints": false, "protocolPath": "\#(protocolPath)", "units": {"\#(me)": ["*"]}, "users": {"\#(me)": [\#(list)]}}
            """#)
            .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        }

        /// Sends SIGHUP and waits until the log shows `line` (or 4 s pass).
        func reload(expecting line: String) {
            kill(daemon.process.processIdentifier, SIGHUP)
            for _ in 0..<200 where !daemon.log.contains(line) { usleep(20_000) }
        }

        deinit {
            daemon?.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// The example protocol with `edit` applied to its JSON text.
    static func protocolText(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as! [String: Any]
        edit(&json)
        return String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Version 3, after the example's 2: a consultation within 2 working days, taken by the attention officer.
    static func stricter(_ json: inout [String: Any]) {
        json["version"] = 3
        var steps = json["steps"] as! [String: Any]
        steps["consult"] = ["responsible": "attention-officer", "within": ["workingDays": 2], "source": "our team's agreement of 2026-11-01"]
        json["steps"] = steps
    }

    static let open = [
        "case", "open", "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15", "--opened-on", "2026-11-02",
    ]
    static let signal = ["signal", "record", "--form", "sexual", "--nature", "concrete", "--observed-on", "2026-11-02"]

    @Test("two protocols that differ in a deadline and a role give different worklists for the same events")
    func twoProtocolsTwoWorklists() throws {
        var lists: [[JSONValue]] = []
        var mine: [Int] = []
        for text in [try Self.protocolText(), try Self.protocolText(Self.stricter)] {
            let configured = try Configured(roles: ["professional"], protocol: text)
            let ctl = configured.ctl
            #expect(try ctl.run(Self.open + ["--case", "w1"]).status == 0)
            #expect(try ctl.run(Self.signal + ["--case", "w1"]).status == 0)
            let list = try #require(try ctl("worklist", "--on", "2026-11-10", "--json").json)
            lists.append((list["items"]?.array ?? []).filter { $0["kind"] == "signal-stalled" })
            mine.append(try #require(try ctl("worklist", "--on", "2026-11-10", "--mine", "--json").json?["items"]?.array).count)
        }
        #expect(lists[0].map { [$0["responsible"], $0["dueOn"], $0["protocolVersion"]] } == [["professional", "2026-11-09", 2]])
        #expect(lists[1].map { [$0["responsible"], $0["dueOn"], $0["protocolVersion"]] } == [["attention-officer", "2026-11-04", 3]])
        #expect(mine == [1, 0])  // a professional's own list holds the first protocol's step, not the second's
    }

    @Test("a bad protocol on SIGHUP is refused with its problems and the old one keeps working; a reload is on the record")
    func badProtocolIsRefused() throws {
        let configured = try Configured(roles: ["professional", "admin"], protocol: try Self.protocolText())
        let ctl = configured.ctl
        try Self.protocolText { $0["colour"] = "red" }.write(toFile: configured.protocolPath, atomically: true, encoding: .utf8)
        configured.reload(expecting: "SIGHUP: kept protocol version 2")
        #expect(configured.daemon.log.contains("colour: is not a section of a protocol"), "\(configured.daemon.log)")
        #expect(try ctl("protocol", "show", "--json").json?["version"] == 2)
        #expect(try ctl.run(Self.open + ["--case", "h1"]).status == 0)
        let check = try ctl("protocol", "check", configured.protocolPath)
        #expect(check.status == 65 && check.error.contains("colour: is not a section of a protocol"))

        // A good version 3, adopted on `protocol reload` in the caller's name.
        try Self.protocolText(Self.stricter).write(toFile: configured.protocolPath, atomically: true, encoding: .utf8)
        let diff = try ctl("protocol", "diff", configured.protocolPath)
        #expect(diff.output.contains("steps.consult.responsible: \"professional\" → \"attention-officer\""), "\(diff.output)")
        #expect(try ctl("protocol", "reload").output.contains("adopted protocol version 3"))
        #expect(try ctl("protocol", "reload").output.contains("in force already"))
        #expect(try ctl.run(Self.signal + ["--case", "h1"]).status == 0)
        let events = try ctl("events", "tail", "--from", "1", "--limit", "100", "--json").output
            .split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
        let adoptions = events.filter { $0["type"] == "protocol-adopted" }
        #expect(adoptions.map { $0["payload"]?["version"] } == [2, 3])
        #expect(adoptions.map { $0["payload"]?["trigger"] } == ["start", "protocol.reload"])
        #expect(adoptions.last?["actor"]?["name"] == .string(configured.me))
        #expect(events.last?["type"] == "signal-recorded" && events.last?["payload"]?["protocol"] == 3)

        // Version 3 again with other content: a version names one content forever.
        try Self.protocolText {
            Self.stricter(&$0); $0["name"] = "changed without a new version"
        }
        .write(toFile: configured.protocolPath, atomically: true, encoding: .utf8)
        let conflict = try ctl("protocol", "reload")
        #expect(conflict.status == 75 && conflict.error.contains("version 3 was adopted with other content"))

        // The projection rebuilt from the log folds each case by the versions its events name.
        let before = try ctl("worklist", "--on", "2026-11-10", "--json").json
        #expect(try ctl("projections", "rebuild").status == 0)
        #expect(try ctl("worklist", "--on", "2026-11-10", "--json").json == before)
    }

    /// A store that adopted the built-in protocol refuses other content under the same version, so
    /// the built-in protocol's content is pinned: change it, and raise its version with the digest here.
    @Test("the built-in protocol's content is pinned to its version")
    func builtInIsPinned() throws {
        #expect(InstitutionProtocol.standard.version == 2)
        #expect(try AdoptedProtocols.digest(of: .standard) == Self.pinnedDigest, "the built-in protocol changed: raise its version")
        // Version 1 is what stores adopted before, and what unversioned events replay by: content for content.
        #expect(try AdoptedProtocols.digest(of: .firstBuiltIn) == "sha256:299ddcdf4407c69966a87dde8ad341aeb9bfce7445ada90e680e14cc845afbff")
    }

    static let pinnedDigest = "sha256:45b3ee2ba9545739d511224910b986fdb451d63352f52f19989d7b0d44c13a63"

    @Test("protocol graph writes dot that Graphviz renders")
    func graph() throws {
        let ctl = Spoorctl(socketPath: "/nonexistent")
        let dot = try ctl("protocol", "graph", "--file", Self.example.path)
        #expect(dot.status == 0 && dot.output.hasPrefix("digraph protocol {"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else { return }  // make test-deps installs graphviz
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("protocol-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: svg) }
        let rendered = try ctl("protocol", "graph", "--file", Self.example.path, "--svg", svg)
        #expect(rendered.status == 0, "\(rendered.error)")
        let page = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(page.contains("<svg"))
        // Issue 28: "The decision tree's SVG fits a printed page (A4 portrait or landscape), laid out top to bottom."
        let points = ["width", "height"].compactMap { name in
            page.components(separatedBy: " \(name)=\"").dropFirst().first.flatMap { Double($0.prefix { $0.isNumber || $0 == "." }) }
        }
        #expect(
            points.count == 2 && points[0] <= 595.3 && points[1] <= 841.9 || points.count == 2 && points[0] <= 841.9 && points[1] <= 595.3,
            "\(points) pt is larger than A4 (595 × 842 pt)")
    }

    @Test("statistics with fewer than 5 in a cell are suppressed for an auditor and shown to a carer")
    func smallCells() throws {
        let configured = try Configured(roles: ["professional"], protocol: try Self.protocolText())
        let ctl = configured.ctl
        for id in ["s1", "s2"] {
            #expect(try ctl.run(Self.open + ["--case", id]).status == 0)
            #expect(try ctl.run(Self.signal + ["--case", id]).status == 0)
        }
        let carer = try #require(try ctl("stats", "--json").json)
        #expect(carer["rows"]?.array?.first?["signals"] == 2 && carer["youths"]?.array?.first?["youths"] == 2 && carer["suppressedBelow"] == nil)
        #expect(carer["scope"] == "units")
        try configured.configure(roles: ["auditor"])
        configured.reload(expecting: "reloaded users and roles")
        let auditor = try #require(try ctl("stats", "--json").json)
        #expect(auditor["rows"]?.array?.first?["signals"] == "x" && auditor["youths"]?.array?.first?["youths"] == "x")
        #expect(auditor["rows"]?.array?.first?["medianDaysToConsultation"] == nil && auditor["suppressedBelow"] == 5 && auditor["scope"] == "all")
        #expect(try ctl("stats").output.contains("x hides a count under 5"))
        let crossTable = try ctl("stats", "--by", "gender,age-group")
        #expect(crossTable.status == 65 && crossTable.error.contains("one dimension a table"), "\(crossTable.error)")
    }

    @Test("retention passes a held case by and lists it as held; lifted, it is erased")
    func legalHoldAndRetention() throws {
        let configured = try Configured(roles: ["professional", "privacy-officer"], protocol: try Self.protocolText())
        let ctl = configured.ctl
        #expect(try ctl.run(Self.open + ["--case", "k1"]).status == 0)
        #expect(try ctl("retention", "hold", "--case", "k1", "--reason", "required-by-law", "--note", "court case").status == 0)
        let due = try #require(try ctl("retention", "due", "--on", "2049-01-01", "--json").json)
        #expect(due["cases"]?.array?.isEmpty == true && due["held"]?.array?.first?["heldFor"] == "required-by-law")
        #expect(try ctl("retention", "apply", "--on", "2049-01-01", "--yes", "--json").json?["erased"]?.array?.isEmpty == true)
        #expect(try ctl("retention", "release", "--case", "k1").status == 0)
        #expect(try ctl("retention", "apply", "--on", "2049-01-01", "--yes", "--json").json?["erased"] == ["k1"])
    }
}
