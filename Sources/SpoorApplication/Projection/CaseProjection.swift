import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Every case as its events say it is, kept inline by the ledger: each case's state is written in
/// the transaction of the events it was folded from, so it is never behind the log, costs no
/// memory and no fold at start-up. Rebuilt from the log beside the live one on request.
package struct CaseProjection: Sendable {
    struct Entry: Sendable {
        var state: CaseState
        /// The version of the case's stream at `state`: what the next append expects.
        var version: UInt64
    }

    /// The stored form's version; when the daemon meets another, it rebuilds before serving.
    /// 8: the state and the digest in parts; 9: consent per purpose, the withdrawal notice; 10: the
    /// digest names the parties whose refusal stands and the cases not of this youth; a relationship may be one person's;
    /// 11: the deliveries to CoMensha, and the `delivery/` index; 12: the `delivery-owed/` index;
    /// 13: the `worklist/` index; 14: the `counted/` index; 15: the blind index by case, `youth-case/`;
    /// 16: the digest and the blind index by case beside the case's state, under `case/<id>`.
    static let format = 16
    /// `{"format": N, "undecodable": N}`, written by every rebuild.
    static let metaKey = Array("#meta".utf8)

    let ledger: Ledger
    let keys: CaseKeys
    /// The protocols events name, to fold them by.
    package let protocols: AdoptedProtocols
    /// The cases decoded or written last, to skip decoding them again.
    let recent: RecentCases

    package init(ledger: Ledger, keys: CaseKeys, protocols: AdoptedProtocols, recentBytes: Int = 16 << 20) {
        (self.ledger, self.keys, self.protocols) = (ledger, keys, protocols)
        recent = RecentCases(maxBytes: recentBytes)
    }

    /// The case `id` and its stream version, or `nil` when there is no such case.
    func entry(of id: String) throws -> Entry? {
        guard let stored = try ledger.projectionValue(for: StoredCase.key(of: id)) else { return nil }
        if let entry = recent.entry(of: id, stored: stored) { return entry }
        return try decoded(id) { try key(of: id) }
    }

    /// The case `id`, which must exist.
    func existingEntry(of id: String) throws -> Entry {
        _ = try CaseStream.name(of: id)
        guard let entry = try entry(of: id) else { throw DomainError.caseNotFound(id) }
        return entry
    }

    /// The case `id` from its head as read in the caller's snapshot (`nil`: no such case), its
    /// data key from `key` (read in that snapshot) when the state is sealed and not decoded
    /// already. Not decoded already, it is read again with its parts in one snapshot; should the
    /// case have moved on since the caller's, this throws ``MovedOn``, for the caller to read again.
    func entry(of id: String, stored: [UInt8]?, key: () throws -> [UInt8]?) throws -> Entry? {
        guard let stored else { return nil }
        if let entry = recent.entry(of: id, stored: stored) { return entry }
        return try decoded(id, expecting: stored, key: key)
    }

    /// A case changed between the caller's snapshot and the read of its parts.
    struct MovedOn: Error {}

    /// The case `id` read whole, its head and its parts in one snapshot, and remembered.
    private func decoded(_ id: String, expecting head: [UInt8]? = nil, key: () throws -> [UInt8]?) throws -> Entry? {
        guard let parted = try ledger.projectionPartedValue(for: StoredCase.key(of: id)) else { return nil }
        if let head, parted.value != head { throw MovedOn() }
        let entry = try StoredCase.decode(parted, caseID: id, key: key)
        recent.remember(entry, stored: parted.value)
        return entry
    }

    /// The digests of `cases` (those the statistics' index, ``CaseCountedDays``, finds for a period):
    /// `body` gets them a page at a time, each page read in one snapshot, so that no more than a page is held at once.
    func withDigests(of cases: [String], pageSize: Int = 1_024, _ body: ([CaseDigest]) -> Void) throws {
        for start in stride(from: 0, to: cases.count, by: pageSize) {
            body(try digests(of: cases[start..<min(start + pageSize, cases.count)]))
        }
    }

    /// The digests of the cases with a worklist item listed from `day` or earlier (with any item,
    /// without a day), found by the worklist's index (``CaseWorklist``), not by a scan of every
    /// case, and read in one snapshot.
    func digestsListed(through day: Day?) throws -> [CaseDigest] {
        try digests(of: try CaseWorklist.cases(listedThrough: day, in: ledger)[...])
    }

    /// The digests of `cases` still there, read in one snapshot.
    private func digests(of cases: ArraySlice<String>) throws -> [CaseDigest] {
        try ledger.projectionPartedValues(for: cases.map(StoredDigest.key(of:))).compactMap { parted in
            guard let parted else { return nil }
            var digest = try StoredDigest.decodeHead(parted.value)
            for part in parted.parts { digest.add(try StoredDigest.decodePart(part.value)) }
            return digest
        }
    }

    /// Runs `body` over every case's digest, decoded one at a time as it iterates, reading
    /// `pageSize` records at a time; a digest that does not read fails the call once `body` returns.
    func withDigests<T>(pageSize: Int = 1_024, _ body: (Digests) -> T) throws -> T {
        let cases = Digests(ledger: ledger, pageSize: pageSize)
        let result = body(cases)
        if let failure = cases.failure { throw failure }
        return result
    }

    /// The projector of an append of `events`, decided on `entry` (`nil`: the case is new), that
    /// writes the case as those events leave it: its head and the parts the events changed, or
    /// every part when `rewritingAll` (its key made or destroyed); sealed with `key` when given.
    ///
    /// The records are made here, on the caller's thread, for the day it is now: the state does
    /// not depend on log positions, so the writer thread, which every append waits for, only
    /// checks the day and puts them. An append recorded on another day (across midnight) is
    /// folded again there. The state made here is remembered at once: should the append be
    /// refused or folded again, the stored bytes differ from those remembered, and count for nothing.
    func projector(
        caseID: String, after entry: Entry?, events: [CaseEvent], actor: String, role: Role, rules: InstitutionProtocol,
        sealedWith key: [UInt8]?, rewritingAll: Bool
    ) throws -> InlineProjector {
        @Sendable func folded(on day: Day) throws -> Entry {
            var state = entry?.state
            for event in events {
                state = CaseState.evolve(state, CaseEventRecord(event: event, actor: actor, role: role, position: 0, recordedOn: day, rules: rules))
            }
            guard let state else { throw DomainError.caseNotFound(caseID) }
            return Entry(state: state, version: (entry.map { $0.version + 1 } ?? 0) + UInt64(events.count) - 1)
        }
        let index = keys.youthIndex
        @Sendable func records(of folded: Entry) throws -> [ProjectionRecord] {
            let changed = folded.state.parts(changedSince: entry?.state)  // once, for the state and the indexes kept per part
            return try Self.records(of: folded, parts: rewritingAll ? folded.state.parts : changed, sealedWith: key)
                + index.records(caseID: caseID, before: entry?.state.identity, after: folded.state.identity)
                + CaseLinks.records(caseID: caseID, before: entry?.state, after: folded.state)
                + CaseDeliveries.records(caseID: caseID, before: entry?.state, after: folded.state)
                + CaseWorklist.records(caseID: caseID, before: entry?.state, after: folded.state, changed: changed)
                + CaseCountedDays.records(caseID: caseID, before: entry?.state, after: folded.state, changed: changed)
        }
        let today = Day.today
        let next = try folded(on: today)
        let prepared = try records(of: next)
        recent.remember(next, stored: prepared[0].value)
        return { _, recordedAt in
            let day = Day(Date(timeIntervalSince1970: Double(recordedAt) / 1_000_000))
            return day == today ? prepared : try records(of: try folded(on: day))
        }
    }

    /// The events that did not decode at the last rebuild, or `nil` when the stored projection is
    /// not of this ``format`` (or was never built) and must be rebuilt.
    package func undecodableAtLastRebuild() throws -> Int? {
        guard let bytes = try ledger.projectionValue(for: Self.metaKey), case .object(let meta) = try? JSONValue.parse(bytes),
            meta["format"] == .number(Double(Self.format)), case .number(let undecodable) = meta["undecodable"]
        else { return nil }
        return Int(undecodable)
    }

    /// What the projection keeps of a case, the state's head first: the state and its digest for
    /// scans, each a head and the parts changed since `earlier` (every part without it).
    static func records(of entry: Entry, parts: [CaseState.Part], sealedWith key: [UInt8]?) throws -> [ProjectionRecord] {
        try StoredCase.records(of: entry, parts: parts, sealedWith: key) + StoredDigest.records(of: entry.state, parts: parts)
    }

    func key(of caseID: String) throws -> [UInt8]? {
        try keys.key(for: try CaseStream.name(of: caseID))
    }
}

extension CaseProjection {
    /// The digests of every case, read a page at a time and each put together from its head and
    /// parts as it iterates, so a scan of every case holds one page in memory. Records the first
    /// failure and ends there.
    final class Digests: Sequence {
        private let ledger: Ledger
        private let pageSize: Int
        fileprivate(set) var failure: (any Error)?

        fileprivate init(ledger: Ledger, pageSize: Int) { (self.ledger, self.pageSize) = (ledger, pageSize) }

        func makeIterator() -> AnyIterator<CaseDigest> {
            var records = Records(ledger: ledger, pageSize: pageSize)
            var next: ProjectionRecord?  // the head of the digest after the one being put together
            return AnyIterator { [self] in
                guard failure == nil else { return nil }
                do {
                    guard let head = try next ?? records.next() else { return nil }
                    var digest = try StoredDigest.decodeHead(head.value)
                    let partPrefix = PartedValue.partPrefix(of: head.key)
                    next = nil
                    while let record = try records.next() {
                        guard record.key.starts(with: partPrefix) else {
                            next = record
                            break
                        }
                        digest.add(try StoredDigest.decodePart(record.value))
                    }
                    return digest
                } catch {
                    failure = error
                    return nil
                }
            }
        }

        /// The digest records, heads and parts in key order, a page at a time.
        private struct Records {
            let ledger: Ledger
            let pageSize: Int
            var page: [ProjectionRecord] = []
            var index = 0
            var isDone = false

            mutating func next() throws -> ProjectionRecord? {
                if index == page.count, !isDone {
                    page = try ledger.projectionRecords(
                        withPrefix: StoredCase.prefix, after: page.last?.key, limit: pageSize, keeping: StoredDigest.isDigest)
                    (index, isDone) = (0, page.isEmpty)
                }
                guard index < page.count else { return nil }
                defer { index += 1 }
                return page[index]
            }
        }
    }
}
