import Foundation
import SpoorDomain
import SpoorProtocol

/// What every command pays outside the ledger for its data: decoding the command, and writing and
/// reading the case's state as the projection stores it, here for a case with three signals.
enum CodecBenchmark {
    static func run(runs: Int) throws {
        print("codec benchmark: ns per operation, medians of \(runs) runs of 2,000")
        let state = try caseWithSignals(3)
        let head = state.headBinary()
        let parts = Dictionary(uniqueKeysWithValues: state.parts.map { ($0, state.binary(of: $0)) })
        let command = SocketBenchmark.openCase("c1")
        let context = Decider.Context(actor: "bench", role: .professional, today: try Day(parsing: "2026-01-06"))
        let assess = try CaseCommand(
            name: "record-risk-assessment", caseID: "c1",
            body: [
                "instrument": "ris-l", "outcome": "low", "assessedOn": "2026-01-06", "nextDueOn": "2026-02-06",
            ])
        let rules = InstitutionProtocol.standard
        let identity = YouthIdentity(name: "Bench c-1-12345", birthDate: try Day(parsing: "2011-01-01"))
        let reopened = try CaseEvent(type: "case-reopened", schemaVersion: 1, payload: ["reopenedOn": "2026-01-06"] as JSONValue)
        let measures: [(String, () throws -> Void)] = [
            (
                "decide and fold a risk assessment",
                {
                    for event in try Decider(rules: rules).decide(assess, state: state, context: context) {
                        _ = CaseState.evolve(
                            state,
                            CaseEventRecord(
                                event: event, actor: "bench", role: .professional, position: 0,
                                recordedOn: context.today, rules: rules))
                    }
                }
            ),
            ("the case's digest", { _ = state.digest }),
            (
                "copy the protocol into a record",
                {
                    let record = CaseEventRecord(
                        event: reopened, actor: "bench", role: .professional,
                        position: 0, recordedOn: context.today, rules: rules)
                    precondition(record.rules.version == rules.version)
                }
            ),
            ("decode an open-case command", { _ = try CaseCommand(name: "open-case", caseID: "c1", body: command["body"]!) }),
            (
                "write a case state, binary (head \(head.count) bytes, \(parts.count) parts)",
                {
                    _ = state.headBinary()
                    for part in state.parts { _ = state.binary(of: part) }
                }
            ),
            ("read a case state, binary", { _ = try CaseState(head: head, parts: parts) }),
            ("the blind index's tokens of a youth (\"\(identity.name)\")", { _ = IdentityMatch.tokens(of: identity) }),
        ]
        try measure(measures, runs: runs)
        try sharedCopies()
        try againstFoundation(runs: runs)
    }

    /// A case opened and given `signals` signals, folded as the daemon folds it.
    static func caseWithSignals(_ signals: Int) throws -> CaseState {
        let context = Decider.Context(actor: "bench", role: .professional, today: try Day(parsing: "2026-01-06"))
        var state: CaseState?
        let signal: JSONValue = [
            "formsOfExploitation": ["sexual"], "indicators": ["online"], "nature": "concrete",
            "observedOn": "2026-01-06", "source": "own-observation",
            "personal": ["text": "seen at the station with an older man"],
        ]
        let commands =
            [try CaseCommand(name: "open-case", caseID: "c1", body: SocketBenchmark.openCase("c1")["body"]!)]
            + (try (0..<signals).map { _ in try CaseCommand(name: "record-signal", caseID: "c1", body: signal) })
        for command in commands {
            for event in try Decider().decide(command, state: state, context: context) {
                state = CaseState.evolve(
                    state, CaseEventRecord(event: event, actor: "bench", role: .professional, position: 0, recordedOn: context.today))
            }
        }
        return state!
    }
}

extension CodecBenchmark {
    /// What copying one shared protocol costs when two threads do it at once (the refcounts of its
    /// strings and arrays are shared, so their cache lines move between cores).
    static func sharedCopies() throws {
        let rules = InstitutionProtocol.standard
        let reopened = try CaseEvent(type: "case-reopened", schemaVersion: 1, payload: ["reopenedOn": "2026-01-06"] as JSONValue)
        let day = try Day(parsing: "2026-01-06")
        for threads in [1, 2] {
            let times = onThreads(threads) { _ in
                let start = now()
                for _ in 0..<200_000 {
                    let record = CaseEventRecord(event: reopened, actor: "bench", role: .professional, position: 0, recordedOn: day, rules: rules)
                    precondition(record.rules.version == rules.version)
                }
                return (now() - start) / 200_000 * 1e9
            }
            print("copy the protocol into a record, \(threads) threads at once: \(Int(times.max()!)) ns per copy")
        }
    }
}

extension CodecBenchmark {
    /// Why SpoorJSON is hand-written: the same request decoded, and the same event encoded with
    /// sorted keys, by SpoorJSON and by Foundation's JSONDecoder and JSONEncoder (Swift 6.3's).
    /// Foundation would also have to be made strict (it drops unknown keys), which costs more.
    static func againstFoundation(runs: Int) throws {
        struct Line: Decodable {
            struct Params: Decodable {
                var `case`: String
                var command: String
                var body: CaseOpened
            }
            var v: Int
            var id: String
            var method: String
            var params: Params
        }
        var body = SocketBenchmark.openCase("c1")["body"]!.object!
        body["caseID"] = "c1"
        let request: JSONValue = [
            "v": 1, "id": "r1", "method": "case.command", "params": ["case": "c1", "command": "open-case", "body": .object(body)],
        ]
        let bytes = request.serialized
        let data = Data(bytes)
        let event = try JSONValueDecoder().decode(CaseOpened.self, from: .object(body))
        let stored = try CaseEvent.caseOpened(event).payload().serialized
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let (payload, eventID) = (try CaseEvent.caseOpened(event).payload(), "01937a3c-6b2e-7c4e-8d9a-0b1c2d3e4f50")
        let measures: [(String, () throws -> Void)] = [
            (
                "decode an open-case request, SpoorJSON (strict)",
                {
                    let line = try JSONValue.parse(bytes)
                    _ = try JSONValueDecoder().decode(CaseOpened.self, from: line["params"]!["body"]!)
                }
            ),
            ("decode an open-case request, Foundation JSONDecoder (lenient)", { _ = try JSONDecoder().decode(Line.self, from: data) }),
            (
                "decode a stored case-opened event (\(stored.count) bytes), as a rebuild does",
                {
                    _ = try CaseEvent(type: "case-opened", schemaVersion: 1, payload: stored)
                }
            ),
            ("encode the event with sorted keys, SpoorJSON", { _ = try JSONValueEncoder().encode(event).serialized }),
            ("encode the event with sorted keys, Foundation JSONEncoder", { _ = try encoder.encode(event) }),
            (
                "write a command's reply line, with the event",
                {
                    let reply = CommandReply(position: 123_456, streamVersion: 3, type: "case-opened", eventID: eventID, event: payload)
                    _ = try Response.success("r1", try JSONValue(encoding: reply)).line()
                }
            ),
        ]
        try measure(measures, runs: runs)
    }

    /// Prints each operation's median time over `runs` runs of 2,000 calls.
    private static func measure(_ measures: [(String, () throws -> Void)], runs: Int) throws {
        for (name, operation) in measures {
            var perOperation = Measurement(name: name, unit: "ns")
            for _ in 0..<runs {
                let start = now()
                for _ in 0..<2_000 { try operation() }
                perOperation.samples.append((now() - start) / 2_000 * 1e9)
            }
            print(perOperation.line)
        }
    }
}
