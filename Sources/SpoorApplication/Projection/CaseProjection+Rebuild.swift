import SpoorDomain
import SpoorJSON
import SpoorLedger
import SpoorProof

extension CaseProjection {
    /// Folds the whole log aside and swaps the result in while appends go on, reporting
    /// `progress(folded, last)`. Returns the position it swapped at and the events that did not
    /// decode (a sign of a newer writer or damage). The protocols are folded from their
    /// adoptions as the log meets them, each before the first event that names it. `chunkSize`:
    /// the events folded and written in one transaction; `sealedBytesAhead`: the most bytes of sealed
    /// parts a chunk reads ahead of its fold (past them each case reads its own).
    ///
    /// Cases are folded apart from one another, on every core: each case's events of a chunk are
    /// decoded, opened, folded in log order and its state sealed in one go. Only reading the log,
    /// the system stream and writing the chunk are done in order.
    package func rebuild(chunkSize: Int = 4_096, sealedBytesAhead: Int = 8 << 20, progress: (UInt64, UInt64) -> Void) throws
        -> (position: UInt64, undecodable: Int)
    {
        var undecodable = 0
        var adopted: [Int: InstitutionProtocol] = [:]
        var emergencies: [EventID: EmergencyReviews.Entry] = [:]
        var carried = RebuiltCases(maxBytes: recent.maxBytes / 2)
        let position = try ledger.rebuildProjection(
            chunkSize: chunkSize,
            fold: { events, spare in
                var records: [ProjectionRecord] = []
                var chunk = ChunkOfCases()
                // The system stream first, in order: a protocol's adoption precedes every event that names it.
                for event in events {
                    if event.stream == .system, event.type == ProtocolAdoption.eventType {
                        guard let adoption = try? ProtocolAdoption.adopted(from: event) else {
                            undecodable += 1
                            continue
                        }
                        adopted[adoption.rules.version] = adoption.rules
                        records += ProtocolAdoption.records(version: adoption.rules.version, position: event.position, payload: event.payload)
                    } else if event.stream == .system {
                        records +=
                            EmergencyReviews.records(of: event, entries: &emergencies) + WitnessedCheckpoint.records(of: event)
                            + LogEpoch.records(of: event)
                            + CosignedCheckpoints.records(of: event)
                    } else if let caseID = CaseStream.caseID(of: event.stream) {
                        chunk.add(event, of: caseID)
                    }
                }
                // Where each case starts, read here and in order: `spare` may read in the writer's
                // transaction, which only its own thread may use. A case whose stream starts in this
                // chunk has nothing before it to read (a read transaction a case, for a new one).
                // What the events are opened with is read here too, in one snapshot for the chunk,
                // unless their sealed parts are many bytes (long statements): each case then reads its own.
                let ahead = try ledger.sealedContents(
                    at: chunk.cases.flatMap { Self.sealedPositions(of: $0.events) },
                    keysOf: chunk.cases.map { $0.events[0].stream }, maxBytes: sealedBytesAhead)
                let starts = try chunk.cases.map { folding in
                    FoldingCase(
                        caseID: folding.caseID, events: folding.events,
                        origin: folding.events[0].streamVersion == 0
                            ? nil
                            : try carried[folding.caseID].map(Origin.carried) ?? spare(StoredCase.key(of: folding.caseID)).map(Origin.stored),
                        sealed: ahead.isComplete ? ahead : nil)
                }
                let known = adopted
                let rules: @Sendable (Int?) -> InstitutionProtocol? = { version in version.map { known[$0] } ?? .firstBuiltIn }
                let folded = try ConcurrentMap.map(starts) { folding in
                    Result { try refold(folding, rules: rules) }
                }.map { try $0.get() }
                undecodable += folded.reduce(0) { $0 + $1.undecodable }
                let changed = folded.compactMap(\.changed)
                carried.keep(changed.map(\.start))
                let meta: JSONValue = ["format": .number(Double(Self.format)), "undecodable": .number(Double(undecodable))]
                return changed.flatMap(\.records) + records + [ProjectionRecord(key: Self.metaKey, value: meta.serialized)]
            }, progress: progress)
        GlibcHeap.trim()  // what the fold decoded and let go
        return (position, undecodable)
    }

    /// Where a rebuild takes a case up in a chunk: as the chunk before left it, or as stored in
    /// the spare slot (when it no longer fitted among the carried ones); a case met first has none.
    private enum Origin: Sendable {
        case carried(RebuiltCases.Start)
        case stored(PartedValue)
    }

    /// The positions of those of `events` that have a sealed part: what opening them reads.
    private static func sealedPositions(of events: [RecordedEvent]) -> [UInt64] {
        events.filter { $0.sealedDigest != nil }.map(\.position)
    }

    /// A case's events in a chunk, in log order, where the rebuild takes it up, and, when the
    /// chunk read them ahead, what its events are opened with.
    private struct FoldingCase: Sendable {
        let caseID: String
        let events: [RecordedEvent]
        let origin: Origin?
        let sealed: SealedReads?
    }

    /// One case's events of a chunk, folded onto its start: the events that did not decode, and,
    /// when any event changed the case, where the next chunk takes it up and the records to write
    /// (the parts changed since its start, or all of them when its key is not the one they were
    /// sealed with).
    private func refold(_ folding: FoldingCase, rules: (Int?) -> InstitutionProtocol?) throws
        -> (undecodable: Int, changed: (start: RebuiltCases.Start, records: [ProjectionRecord])?)
    {
        // What the case's events are opened with, as the chunk read them or else in one snapshot:
        // their sealed parts and its key, unwrapped once when first needed (and not cached: see ``CaseKeys``).
        let stream = folding.events[0].stream
        let sealed =
            try folding.sealed ?? ledger.sealedContents(at: Self.sealedPositions(of: folding.events), keysOf: [stream])
        var unwrapped: Result<[UInt8]?, any Error>?
        func key() throws -> [UInt8]? {
            if unwrapped == nil { unwrapped = Result { try keys.key(for: stream, caching: false) { sealed.wrappedKeys[stream] } } }
            return try unwrapped!.get()
        }
        let start: RebuiltCases.Start? =
            switch folding.origin {
            case .carried(let start): start
            case .stored(let stored): RebuiltCases.Start(entry: try StoredCase.decode(stored, caseID: folding.caseID, key: key), key: try key())
            case nil: nil
            }
        var entry = start?.entry
        var (undecodable, changed) = (0, false)
        for event in folding.events {
            let personal = PersonalContentReader.personal(of: event, sealed: sealed.contents[event.position], key: key)
            guard let record = try? CaseStream.record(of: event, personal: personal, rules: rules) else {
                undecodable += 1
                continue
            }
            guard let state = CaseState.evolve(entry?.state, record) else { continue }
            (entry, changed) = (Entry(state: state, version: event.streamVersion), true)
        }
        guard changed, let entry else { return (undecodable, nil) }
        let key = try key()
        let parts = entry.state.parts(changedSince: start?.entry.state)
        let stored = start?.key == key ? parts : entry.state.parts  // a key made or destroyed seals every part anew
        let index =
            keys.youthIndex.records(caseID: folding.caseID, before: start?.entry.state.identity, after: entry.state.identity)
            + CaseLinks.records(caseID: folding.caseID, before: start?.entry.state, after: entry.state)
            + CaseDeliveries.records(caseID: folding.caseID, before: start?.entry.state, after: entry.state)
            + CaseWorklist.records(caseID: folding.caseID, before: start?.entry.state, after: entry.state, changed: parts)
            + CaseCountedDays.records(caseID: folding.caseID, before: start?.entry.state, after: entry.state, changed: parts)
        return (
            undecodable, (RebuiltCases.Start(entry: entry, key: key), try Self.records(of: entry, parts: stored, sealedWith: key) + index)
        )
    }
}

/// A chunk's events grouped by case, the cases in the order the chunk first met them.
private struct ChunkOfCases {
    private(set) var cases: [(caseID: String, events: [RecordedEvent])] = []
    private var index: [String: Int] = [:]

    mutating func add(_ event: RecordedEvent, of caseID: String) {
        if let at = index[caseID] {
            cases[at].events.append(event)
        } else {
            index[caseID] = cases.count
            cases.append((caseID, [event]))
        }
    }
}
