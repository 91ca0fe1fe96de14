import Foundation
import SpoorDomain
import SpoorProtocol

/// What every command pays outside the ledger for its data: decoding the command, and writing and
/// reading the case's state as the projection stores it, here for a case with three signals.
enum CodecBenchmark {
    static func run(runs: Int) throws {
        print("codec benchmark: ns per operation, medians of \(runs) runs of 2,000")
        let state = try caseWithSignals(3)
        let binary = state.binary()
        let command = SocketBenchmark.openCase("c1")
        let context = Decider.Context(actor: "bench", role: .professional, today: try Day(parsing: "2026-01-06"))
        let assess = try CaseCommand(name: "record-risk-assessment", caseID: "c1", body: [
            "instrument": "ris-l", "outcome": "low", "assessedOn": "2026-01-06", "nextDueOn": "2026-02-06"])
        let rules = InstitutionProtocol.standard
        let reopened = try CaseEvent(type: "case-reopened", schemaVersion: 1, payload: ["reopenedOn": "2026-01-06"] as JSONValue)
        let measures: [(String, () throws -> Void)] = [
            ("decide and fold a risk assessment", {
                for event in try Decider(rules: rules).decide(assess, state: state, context: context) {
                    _ = CaseState.evolve(state, CaseEventRecord(event: event, actor: "bench", role: .professional, position: 0,
                                                                recordedOn: context.today, rules: rules))
                }
            }),
            ("the case's digest", { _ = state.digest }),
            ("copy the protocol into a record", {
                let record = CaseEventRecord(event: reopened, actor: "bench", role: .professional,
                                             position: 0, recordedOn: context.today, rules: rules)
                precondition(record.rules.version == 1)
            }),
            ("decode an open-case command", { _ = try CaseCommand(name: "open-case", caseID: "c1", body: command["body"]!) }),
            ("write a case state, binary (\(binary.count) bytes)", { _ = state.binary() }),
            ("read a case state, binary", { _ = try CaseState(binary: binary) }),
        ]
        for (name, operation) in measures {
            var perOperation = Measurement(name: name, unit: "ns")
            for _ in 0..<runs {
                let start = now()
                for _ in 0..<2_000 { try operation() }
                perOperation.samples.append((now() - start) / 2_000 * 1e9)
            }
            print(perOperation.line)
        }
        try sharedCopies()
    }

    /// A case opened and given `signals` signals, folded as the daemon folds it.
    static func caseWithSignals(_ signals: Int) throws -> CaseState {
        let context = Decider.Context(actor: "bench", role: .professional, today: try Day(parsing: "2026-01-06"))
        var state: CaseState?
        let signal: JSONValue = ["formsOfExploitation": ["sexual"], "indicators": ["online"], "nature": "concrete",
                                 "observedOn": "2026-01-06", "source": "own-observation",
                                 "personal": ["text": "seen at the station with an older man"]]
        let commands = [try CaseCommand(name: "open-case", caseID: "c1", body: SocketBenchmark.openCase("c1")["body"]!)]
            + (try (0..<signals).map { _ in try CaseCommand(name: "record-signal", caseID: "c1", body: signal) })
        for command in commands {
            for event in try Decider().decide(command, state: state, context: context) {
                state = CaseState.evolve(state, CaseEventRecord(event: event, actor: "bench", role: .professional, position: 0, recordedOn: context.today))
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
                    precondition(record.rules.version == 1)
                }
                return (now() - start) / 200_000 * 1e9
            }
            print("copy the protocol into a record, \(threads) threads at once: \(Int(times.max()!)) ns per copy")
        }
    }
}
