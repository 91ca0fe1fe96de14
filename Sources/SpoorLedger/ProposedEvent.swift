import SpoorProof

/// An event as a caller proposes it, before the ledger gives it a place in the log.
public struct ProposedEvent: Sendable, Equatable {
    /// Chosen by the caller, so that a retry after a lost reply is recognised.
    public var id: EventID
    /// The event type, e.g. `signal-recorded`: 1 to 128 printable ASCII characters.
    public var type: String
    public var schemaVersion: UInt16
    /// The event's body, canonical JSON by convention; opaque to the ledger.
    public var payload: [UInt8]
    /// Personal content, already sealed by the caller. Stored apart from the event and hashed
    /// into it only as a digest, so that erasing it leaves the chain whole.
    public var sealed: [UInt8]?
    /// What the event shows outside the institution, committed to in the open (``PublicRecord``);
    /// the ledger adds the salt.
    public var record: [UInt8]?

    public init(id: EventID = EventID(), type: String, schemaVersion: UInt16 = 1, payload: [UInt8], sealed: [UInt8]? = nil, record: [UInt8]? = nil) {
        self.id = id
        self.record = record
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.sealed = sealed
    }

    /// The bytes the event costs, checked against ``LedgerConfiguration/maxEventSize``.
    var size: Int { type.utf8.count + payload.count + (sealed?.count ?? 0) + (record?.count ?? 0) }
}
