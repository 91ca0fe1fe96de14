import Foundation
import SpoorDomain
import SpoorLedger

/// Every case as its events say it is, folded in log order: the projection the daemon decides
/// commands against and answers reads from. A value, so a rebuild can fold a fresh one aside.
struct CaseProjection: Sendable {
    struct Entry: Sendable {
        var state: CaseState
        /// The version of the case's stream at `state`: what the next append expects.
        var version: UInt64
    }

    private(set) var cases: [String: Entry] = [:]
    /// The last log position folded in.
    private(set) var applied: UInt64 = 0
    /// Case events that did not decode: a sign of a newer writer or damage, reported by `status`.
    private(set) var undecodable = 0

    /// Folds `event` in; events of other streams (`system`) only move `applied`.
    mutating func apply(_ event: RecordedEvent) {
        defer { applied = event.position }
        guard let caseID = CaseStream.caseID(of: event.stream) else { return }
        guard let record = try? CaseStream.record(of: event) else {
            undecodable += 1
            return
        }
        guard let state = CaseState.evolve(cases[caseID]?.state, record) else { return }
        cases[caseID] = Entry(state: state, version: event.streamVersion)
    }

    /// Folds every event of `ledger` past `applied`, calling `progress` after each chunk.
    mutating func catchUp(with ledger: Ledger, through last: UInt64 = .max, progress: (UInt64) -> Void = { _ in }) throws {
        while applied < last {
            let chunk = try ledger.read(from: applied + 1, limit: Int(min(4_096, last - applied)))
            guard !chunk.isEmpty else { return }
            chunk.forEach { apply($0) }
            progress(applied)
        }
    }
}
