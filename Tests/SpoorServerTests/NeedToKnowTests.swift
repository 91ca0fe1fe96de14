import Foundation
import Glibc
import SpoorProtocol
import Testing

/// A carer reads a case's personal content only through a care relationship: its unit, an
/// assignment, a forward or consultation that brought the carer's role in, or an emergency that is
/// recorded with its reason and reviewed (NEN 7513's behandelrelatie, the AVG's minimisation).
@Suite("Need-to-know: reading by care relationship", .serialized)
struct NeedToKnowTests {
    @Test("none, unit, assigned, forwarded, emergency: only a ground gives plain text, and each read names it")
    func readingByRelationship() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("need-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        func configure(roles: [String], units: [String]) throws {
            let list = { (items: [String]) in items.map { "\"\($0)\"" }.joined(separator: ", ") }
            // A colleague of the south unit declares it, whatever units the test's user has.
            try
                (#"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signsCheckpoints": false, "units": {"\#(me)": [\#(list(units))], "colleague": ["south"]},\#
             "users": {"\#(me)": [\#(list(roles))]}}
            """#)
            .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        }
        try configure(roles: ["attention-officer"], units: ["north", "south"])
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        var reloads = 0
        func reconfigure(roles: [String], units: [String]) throws {
            try configure(roles: roles, units: units)
            kill(daemon.process.processIdentifier, SIGHUP)
            reloads += 1
            for _ in 0..<250 where daemon.log.components(separatedBy: "reloaded users and roles").count - 1 < reloads { usleep(20_000) }
        }
        let ctl = Spoorctl(socketPath: folder + "/s.sock")
        for (id, unit) in [("n1", "north"), ("s1", "south"), ("s2", "south")] {
            #expect(
                try ctl(
                    "case", "open", "--case", id, "--unit", unit, "--gender", "female", "--nationality-group", "dutch", "--age", "15",
                    "--name", "Marker-\(id)", "--birth-date", "2011-01-01"
                ).status == 0)
            #expect(try ctl("signal", "record", "--case", id, "--form", "sexual", "--nature", "concrete").status == 0)  // no plain text needed
        }
        try reconfigure(roles: ["attention-officer"], units: ["north"])
        // A carer writes on the grounds it reads by: none for the south cases now. Units are the configuration's.
        #expect(try ctl.run(["signal", "record", "--case", "s1", "--form", "sexual", "--nature", "concrete"]).status == 77)
        let typo = try ctl.run([
            "case", "open", "--case", "t1", "--unit", "nrth", "--gender", "female", "--nationality-group", "dutch", "--age", "15",
        ])
        #expect(typo.status == 65 && typo.error.contains("the units are: north, south; did you mean north?"), "\(typo.error)")
        func show(_ id: String, _ extra: String...) throws -> Spoorctl.Result { try ctl.run(["case", "show", "--case", id, "--json"] + extra) }

        #expect(try show("n1").output.contains("Marker-n1"))  // unit
        let sealed = try show("s1")
        #expect(!sealed.output.contains("Marker-s1") && sealed.json?["personal"] == "«sealed»")
        #expect(sealed.json?["access"]?.string?.contains("no care relationship") == true)
        #expect(try ctl("register", "form", "--case", "s1").status == 77)

        #expect(try ctl("case", "assign", "--case", "s1", "--carer", me).status == 0)
        #expect(try show("s1").output.contains("Marker-s1"))  // assigned
        #expect(try ctl("case", "unassign", "--case", "s1", "--carer", me).status == 0)
        #expect(!(try show("s1").output.contains("Marker-s1")))
        #expect(try ctl("case", "assign", "--case", "s1", "--carer", me).status == 0)
        #expect(try ctl("signal", "forward", "--case", "s1", "--signal", "signal-1", "--to", "attention-officer").status == 0)
        #expect(try ctl("case", "unassign", "--case", "s1", "--carer", me).status == 0)
        #expect(try show("s1").output.contains("Marker-s1"))  // forwarded to the attention officer's role

        #expect(!(try show("s2").output.contains("Marker-s2")))
        #expect(try ctl.run(["case", "show", "--case", "s2", "--emergency"]).status == 64)  // a reason is required
        let emergency = try show("s2", "--emergency", "--reason", "she went missing tonight; the police ask who picks her up")
        #expect(emergency.status == 0 && emergency.output.contains("Marker-s2"))
        let worklist = try #require(try ctl("worklist", "--on", Self.today, "--json").json)
        #expect((worklist["elsewhere"]?.number ?? 0) > 0, "items of the south cases are counted, not listed")

        // The reason is free text: sealed in the system stream, in no byte of the store.
        let store = try Data(contentsOf: URL(fileURLWithPath: folder + "/data/data.mdb"))
        #expect(store.range(of: Data("she went missing tonight".utf8)) == nil)
        try reconfigure(roles: ["auditor"], units: [])
        let audited = try #require(try ctl("access", "log", "--case", "s2", "--json").json?["entries"]?.array)
        #expect(audited.first?["reason"] == "«sealed»")
        try reconfigure(roles: ["privacy-officer"], units: [])
        let log = try #require(try ctl("access", "log", "--case", "s2", "--json").json?["entries"]?.array)
        #expect(log.map { $0["ground"] } == ["emergency"] && log.first?["actor"] == .string(me))
        #expect(log.first?["reason"]?.string?.contains("she went missing tonight") == true)
        var opened: [JSONValue] = []
        try reconfigure(roles: ["privacy-officer", "auditor"], units: [])
        _ = try SocketClient(socketPath: folder + "/s.sock").call(.eventsTail, ["from": 1]) {
            if $0["type"] == "system-content-read" { opened.append($0) }
        }
        #expect(opened.count == 1, "the privacy officer's opening is on the record")
        try reconfigure(roles: ["privacy-officer"], units: [])
        let s1Log = try #require(try ctl("access", "log", "--case", "s1", "--json").json?["entries"]?.array)
        #expect(s1Log.map { $0["ground"] } == ["assignment", "relationship"])
        #expect(
            try ctl("case", "transfer", "--case", "s1", "--unit", "north", "--reason", "she moved").status == 77, "the privacy officer is no officer")
        let review = try #require(try ctl("worklist", "--json").json?["items"]?.array?.first { $0["kind"] == "emergency-access-review" })
        #expect(review["case"] == "s2")
        let event = try #require(log.first?["event"]?.string)
        #expect(try ctl("access", "review", "--event", event, "--note", "justified: the police asked").status == 0)
        #expect(try ctl("worklist", "--json").json?["items"]?.array?.contains { $0["kind"] == "emergency-access-review" } == false)
        #expect(try ctl("access", "review", "--event", event, "--note", "again").status == 75)
        // The export tells the youth who read the file.
        let export = folder + "/export.json"
        #expect(try ctl("subject", "export", "--case", "s2", "--out", export).status == 0)
        #expect(try String(contentsOfFile: export + ".md", encoding: .utf8).contains("Noodgeval: she went missing tonight"))
        // A rebuild keeps the review.
        try reconfigure(roles: ["privacy-officer", "admin"], units: [])
        #expect(try ctl("projections", "rebuild").status == 0)
        #expect(try ctl("worklist", "--json").json?["items"]?.array?.contains { $0["kind"] == "emergency-access-review" } == false)
    }

    // Issue 27, section 7: "The protocol may let any care role record a new signal on a case it
    // cannot read; doing so brings the recorder into the case as a relationship, on the record."
    @Test("where the protocol allows it, a carer records a signal on a case it cannot read, and reads the case from then")
    func signalWithoutGround() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signal-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try ProtocolScenarioTests.protocolText { json in
            json["version"] = 3
            var access = json["access"] as! [String: Any]
            access["signalsWithoutGround"] = true
            json["access"] = access
        }.write(toFile: folder + "/protocol.json", atomically: true, encoding: .utf8)
        func configure(units: String) throws {
            try
                (#"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signsCheckpoints": false, "protocolPath": "\#(folder)/protocol.json", "units": {"\#(me)": [\#(units)],\#
             "colleague": ["south"]}, "users": {"\#(me)": ["professional"]}}
            """#)
            .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        }
        try configure(units: #""north", "south""#)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: folder + "/s.sock")
        #expect(
            try ctl(
                "case", "open", "--case", "s1", "--unit", "south", "--gender", "female", "--nationality-group", "dutch", "--age", "15",
                "--name", "Marker-s1", "--birth-date", "2011-01-01"
            ).status == 0)
        try configure(units: #""north""#)
        kill(daemon.process.processIdentifier, SIGHUP)
        for _ in 0..<250 where !daemon.log.contains("reloaded users and roles") { usleep(20_000) }
        #expect(try ctl("case", "show", "--case", "s1", "--json").json?["personal"] == "«sealed»")
        let recorded = try ctl.run(["signal", "record", "--case", "s1", "--form", "sexual", "--nature", "concrete"])
        #expect(recorded.status == 0, "\(recorded.error)")
        #expect(try ctl("case", "show", "--case", "s1").output.contains("Marker-s1"), "the recorder is brought in")
    }

    /// Generated over every method: whatever a carer of another unit asks, no personal content of
    /// the case reaches it (a method added later is covered without a new row).
    @Test("a carer of another unit gets no personal content from any method")
    func noMethodLeaks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leak-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        func configure(_ units: String) throws {
            try
                (#"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signsCheckpoints": false, "units": {"\#(me)": [\#(units)], "colleague": ["south"]}, "users": {"\#(me)": ["professional",\#
             "attention-officer", "behavioural-scientist"]}}
            """#)
            .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        }
        try configure(#""north", "south""#)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: folder + "/s.sock")
        #expect(
            try ctl(
                "case", "open", "--case", "s1", "--unit", "south", "--gender", "female", "--nationality-group", "dutch", "--age", "15",
                "--name", "Marker-Name-Qz", "--birth-date", "2011-01-01", "--client-number", "Marker-Client-Qz"
            ).status == 0)
        #expect(try ctl("signal", "record", "--case", "s1", "--form", "sexual", "--nature", "concrete", "--note", "Marker-Note-Qz").status == 0)
        #expect(try ctl("consent", "give", "--case", "s1", "--by", "youth", "--form", "written", "--purpose", "statistics").status == 0)
        #expect(try ctl("register", "comensha", "--case", "s1", "--kind", "non-identifiable", "--basis", "none").status == 0)
        // Issue 28: "case show in text shows the signal notes … the reader may read, as --json does."
        let shown = try ctl("case", "show", "--case", "s1").output
        #expect(shown.contains("signal-1: Marker-Note-Qz"), "\(shown)")
        try configure(#""north""#)  // now a carer of another unit
        kill(daemon.process.processIdentifier, SIGHUP)
        for _ in 0..<250 where !daemon.log.contains("reloaded users and roles") { usleep(20_000) }
        for method in SpoorProtocol.Method.allCases {
            for params: JSONValue in [[:], ["case": "s1"], ["case": "s1", "signal": "signal-1"], ["case": "s1", "registration": 1]] {
                let client = try SocketClient(socketPath: folder + "/s.sock")
                var lines: [String] = []
                do {
                    let result = try client.call(method, params) { lines.append(String(decoding: $0.serialized, as: UTF8.self)) }
                    lines.append(String(decoding: result.serialized, as: UTF8.self))
                } catch {
                    lines.append(String(describing: error))
                }
                #expect(!lines.joined().contains("Marker-"), "\(method.rawValue) \(params) gave a carer of another unit personal content")
            }
        }
        let sealed = try ctl("case", "show", "--case", "s1").output
        #expect(!sealed.contains("Marker-") && sealed.contains("signal-1: sealed"), "\(sealed)")
    }

    static var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(30 * 86_400))
    }
}
