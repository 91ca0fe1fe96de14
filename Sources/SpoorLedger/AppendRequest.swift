import SpoorProof

/// One validated append waiting for the writer: everything but its place in the log.
struct AppendRequest: Sendable {
    let stream: StreamName
    let expected: ExpectedVersion
    let events: [ProposedEvent]
    /// The SHA-256 of each event's sealed part, computed by the caller off the writer thread.
    let sealedDigests: [ChainHash?]
    let metadata: AppendMetadata
    let keyChange: StreamKeyChange?
    let projector: InlineProjector?

    /// Checks everything that needs no store, so that bad input never reaches the writer.
    init(
        stream: StreamName, expected: ExpectedVersion, events: [ProposedEvent], metadata: AppendMetadata,
        keyChange: StreamKeyChange? = nil, projector: InlineProjector? = nil, configuration: LedgerConfiguration
    ) throws(LedgerError) {
        guard !events.isEmpty else { throw .emptyAppend }
        guard events.count <= configuration.maxEventsPerAppend else {
            throw .tooManyEvents(count: events.count, limit: configuration.maxEventsPerAppend)
        }
        try Self.checkLabel(metadata.actor.name, "the actor name", index: 0)
        try Self.checkLabel(metadata.role, "the role", index: 0)
        var seen = Set<EventID>()
        for (index, event) in events.enumerated() {
            guard seen.insert(event.id).inserted else { throw .duplicateEventID(event.id) }
            try Self.checkLabel(event.type, "the type", index: index)
            guard event.size <= configuration.maxEventSize else {
                throw .eventTooLarge(index: index, size: event.size, limit: configuration.maxEventSize)
            }
            if let record = event.record, record.count > PublicRecord.maxCount {
                throw .eventTooLarge(index: index, size: record.count, limit: PublicRecord.maxCount)
            }
        }
        self.stream = stream
        self.expected = expected
        self.events = events
        self.sealedDigests = events.map { $0.sealed.map(ChainHash.of) }
        self.metadata = metadata
        self.keyChange = keyChange
        self.projector = projector
    }

    /// Types, roles and actor names: 1 to 128 printable ASCII characters.
    private static func checkLabel(_ label: String, _ what: String, index: Int) throws(LedgerError) {
        let bytes = label.utf8
        guard !bytes.isEmpty, bytes.count <= 128, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidEvent(index: index, reason: "\(what) must be 1 to 128 printable ASCII characters without spaces")
        }
    }
}
