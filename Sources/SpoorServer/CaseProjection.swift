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

    /// An event decoded for folding, which can be done before taking any lock.
    struct Decoded: Sendable {
        let position: UInt64
        let streamVersion: UInt64
        /// The case and its record; `nil` for other streams (`system`).
        let change: Result<(caseID: String, record: CaseEventRecord), DomainError>?

        init(_ event: RecordedEvent, reader: PersonalContentReader?) {
            position = event.position
            streamVersion = event.streamVersion
            change = CaseStream.caseID(of: event.stream).map { caseID in
                Result { () throws(DomainError) in (caseID, try CaseStream.record(of: event, personal: reader?.personal(of: event))) }
            }
        }
    }

    /// Folds `event` in; events of other streams only move `applied`. An event at or before
    /// `applied` is skipped: a rebuilt projection can be ahead of the folder that feeds it.
    mutating func apply(_ event: Decoded) {
        guard event.position > applied else { return }
        defer { applied = event.position }
        switch event.change {
        case nil: return
        case .failure: undecodable += 1
        case .success(let change):
            guard let state = CaseState.evolve(cases[change.caseID]?.state, change.record) else { return }
            cases[change.caseID] = Entry(state: state, version: event.streamVersion)
        }
    }

    /// Folds every event of `ledger` past `applied`, calling `progress` after each chunk.
    mutating func catchUp(with ledger: Ledger, reader: PersonalContentReader?, through last: UInt64 = .max,
                          progress: (UInt64) -> Void = { _ in }) throws {
        while applied < last {
            let chunk = try ledger.read(from: applied + 1, limit: Int(min(4_096, last - applied)))
            guard !chunk.isEmpty else { return }
            chunk.forEach { apply(Decoded($0, reader: reader)) }
            progress(applied)
        }
    }
}
