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
        let measures: [(String, () throws -> Void)] = [
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
