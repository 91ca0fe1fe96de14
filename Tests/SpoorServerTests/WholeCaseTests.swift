import Foundation
import SpoorProtocol
import Testing

@Suite("A whole case through spoorctl against a real daemon", .serialized)
struct WholeCaseTests {
    @Test("the meldcode path from signal to registration, with next steps, audit trace and statistics")
    func wholeCase() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let c = ["--case", "2026-0042"]
        func ok(_ arguments: [String]) throws -> Spoorctl.Result {
            let result = try ctl.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.error)")
            return result
        }
        _ = try ok(
            ["case", "open"] + c + [
                "--unit", "north", "--gender", "female", "--nationality-group", "non-dutch",
                "--age", "17", "--name", "Amira", "--birth-date", "2009-03-14", "--opened-on", "2026-11-02",
            ])
        let signal = try ok(
            ["signal", "record"] + c + [
                "--form", "sexual", "--nature", "concrete", "--observed-on", "2026-11-03",
                "--note", "older men pick her up at school", "--json",
            ])
        #expect(signal.json?["event"]?["signalID"] == "signal-1")
        _ = try ok(["signal", "forward"] + c + ["--signal", "signal-1", "--to", "attention-officer", "--on", "2026-11-03"])
        _ = try ok(["consult", "record"] + c + ["--signal", "signal-1", "--party", "attention-officer", "--on", "2026-11-04"])
        _ = try ok(["conversation", "record"] + c + ["--signal", "signal-1", "--participant", "youth", "--on", "2026-11-05"])
        let weighing = try ok(
            ["weigh"] + c + [
                "--signal", "signal-1", "--suspicion", "--unsafety", "--effective-help",
                "--decision", "report-and-help", "--on", "2026-11-06",
            ])
        #expect(weighing.output.contains("norm: N1"))
        _ = try ok(["report", "veilig-thuis"] + c + ["--signal", "signal-1", "--discussed-with-client", "--on", "2026-11-06"])
        _ = try ok(["feedback", "record"] + c + ["--report", "report-1", "--kind", "safety-assessment", "--on", "2026-11-10"])
        _ = try ok(["consent", "request"] + c + ["--from", "youth", "--on", "2026-11-10"])
        _ = try ok(["consent", "give"] + c + ["--by", "youth", "--form", "written", "--purpose", "statistics", "--on", "2026-11-11"])
        let form = daemon.folder + "/comensha"
        _ = try ok(
            ["register", "comensha"] + c + [
                "--kind", "identifiable", "--basis", "consent", "--on", "2026-11-12",
                "--role", "attention-officer", "--form-out", form,
            ])
        let filled = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: form + ".json"))))
        #expect(filled["identifying"]?["name"] == "Amira" && filled["identifying"]?["birthDate"] == "2009-03-14")
        #expect(filled["analytic"]?["ageAtFirstSignal"] == 17 && filled["formsOfExploitation"] == ["sexual"])
        #expect(try String(contentsOfFile: form + ".md", encoding: .utf8).contains("- Naam: Amira"))
        _ = try ok(["statement", "add"] + c + ["--text", "I want this written down"])

        let shown = try ok(["case", "show"] + c + ["--json"]).json
        #expect(shown?["consents"]?.array?.first?["state"] == "given" && shown?["consents"]?.array?.first?["form"] == "written")
        #expect(shown?["registrations"]?.array?.count == 1)
        #expect(shown?["personal"]?["name"] == "Amira")

        let trace = try ok(["audit", "trace"] + c + ["--signal", "signal-1", "--json"]).json
        let what = trace?["entries"]?.array?.compactMap { $0["what"]?.string } ?? []
        #expect(what.contains("forwarded to attention-officer"))
        #expect(what.contains { $0.hasPrefix("feedback from Veilig Thuis on report-1") })

        let checkpoint = daemon.folder + "/case.checkpoint"
        let key = try #require(try ok(["audit", "checkpoint", "--out", checkpoint, "--json"]).json?["verifierKey"]?.string)
        let proved = try ok(["audit", "trace"] + c + ["--signal", "signal-1", "--prove", "--checkpoint", checkpoint, "--key", key, "--json"]).json
        #expect(proved?["entries"]?.array?.allSatisfy { $0["proof"] == "verified" } == true)
        // Who forwarded signal-1 to whom, when: the time recorded, to the second, beside the day it happened.
        let forward = trace?["entries"]?.array?.first { $0["what"] == "forwarded to attention-officer" }
        #expect(forward?["recordedAt"]?.string?.count == 20 && forward?["happenedOn"]?.string?.count == 10, "\(String(describing: forward))")

        // The proofs taken away, checked offline event by event (issue 29).
        let trail = daemon.folder + "/trail"
        _ = try ok(["audit", "trace"] + c + ["--signal", "signal-1", "--prove", "--checkpoint", checkpoint, "--key", key, "--out", trail])
        let stats = try ok(["stats", "--by", "form", "--format", "csv"]).output
        #expect(stats.contains("sexual,1,1,1,1,1,1,3,9"), "\(stats)")
        _ = try ok(["case", "next"] + c)
        _ = try ok(["worklist"])
        _ = try ok(["status"])
        #expect(daemon.stop() == 0)
        let offline = try Spoorctl(socketPath: "/nonexistent.sock").run(["audit", "verify-trace", trail, "--key", key])
        #expect(
            offline.status == 0 && offline.output.contains("signal-forwarded by") && offline.output.contains(": verified"),
            "\(offline.output)\(offline.error)")
        let event = try #require(try FileManager.default.contentsOfDirectory(atPath: trail).first { $0.hasPrefix("event-") })
        guard case .object(var proof) = try JSONValue.parse(Array(try String(contentsOfFile: trail + "/" + event, encoding: .utf8).utf8)),
            case .object(var shown) = proof["event"]
        else {
            Issue.record("\(event) is no proof")
            return
        }
        shown["role"] = "admin"
        proof["event"] = .object(shown)
        try String(decoding: JSONValue.object(proof).serialized, as: UTF8.self).write(toFile: trail + "/" + event, atomically: true, encoding: .utf8)
        let altered = try Spoorctl(socketPath: "/nonexistent.sock").run(["audit", "verify-trace", trail, "--key", key])
        #expect(altered.status == 65, "\(altered.output)\(altered.error)")
    }

    @Test("exit codes tell usage, invalid input, not found, conflict, denied and unreachable apart")
    func exitCodes() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let open = ["case", "open", "--case", "c1", "--unit", "u", "--gender", "male", "--nationality-group", "dutch", "--age", "15"]
        #expect(try ctl.run(open).status == 0)
        #expect(try ctl.run(open).status == 75)  // the case exists: a conflict
        #expect(try ctl("case", "show", "--case", "nope").status == 66)
        #expect(try ctl("case", "show").status == 64)
        #expect(try ctl("signal", "record", "--case", "c1", "--form", "no-such-form", "--nature", "concrete").status == 65)
        // A professional-only user does not hold the role it asks for.
        #expect(try ctl("case", "close", "--case", "c1", "--reason", "other", "--role", "auditor").status == 77)
        #expect(try Spoorctl(socketPath: daemon.folder + "/absent.sock")("status").status == 69)
        daemon.stop()
    }

    @Test("a retry with the same event id records the command once")
    func idempotentRetry() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        #expect(try ctl("case", "open", "--case", "c1", "--unit", "u", "--gender", "male", "--nationality-group", "dutch", "--age", "15").status == 0)
        let id = UUID().uuidString.lowercased()
        let record = ["signal", "record", "--case", "c1", "--form", "criminal", "--nature", "concrete", "--event-id", id, "--json"]
        let first = try ctl.run(record), second = try ctl.run(record)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.json?["position"] != nil && first.json?["position"] == second.json?["position"])
        #expect(try ctl("case", "show", "--case", "c1", "--json").json?["signals"]?.array?.count == 1)
        daemon.stop()
    }
}

@Suite("Following the log")
struct FollowTests {
    @Test("events tail --follow shows stored events, then new ones as they commit, and ends when the daemon stops")
    func follow() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let open = ["case", "open", "--unit", "u", "--gender", "male", "--nationality-group", "dutch", "--age", "15"]
        #expect(try ctl.run(open + ["--case", "f1"]).status == 0)
        let followed = Concurrently.run(threads: 2, after: 1.5, { daemon.stop() }) { thread -> [String] in
            if thread == 1 {
                usleep(500_000)
                _ = try? ctl.run(open + ["--case", "f2"])
                return []
            }
            let result = (try? ctl.run(["events", "tail", "--follow", "--from", "1", "--json"])) ?? .init(status: -1, output: "", error: "")
            return result.output.split(separator: "\n").compactMap { line in
                (try? JSONValue.parse(Array(line.utf8)))?["stream"]?.string
            }
        }.flatMap { $0 }
        #expect(followed == ["system", "case-f1", "case-f2"])  // the system stream's first event: the protocol adopted at start
    }
}
