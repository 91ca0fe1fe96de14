import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Opens the personal content of stored events for the projections, which fold it in for the
/// people entitled to see it. Erased content, or content that does not open, reads as absent.
package struct PersonalContentReader: Sendable {
    let ledger: Ledger
    let keys: CaseKeys

    func personal(of event: RecordedEvent) -> JSONValue? {
        guard event.sealedDigest != nil else { return nil }
        return Self.personal(of: event, sealed: try? ledger.sealedContent(at: event.position)) { try keys.key(for: event.stream) }
    }

    /// The personal content of `event` from its sealed part as read (`sealed`, `nil` for an event
    /// without one or erased), opened with `key`.
    static func personal(of event: RecordedEvent, sealed: [UInt8]?, key: () throws -> [UInt8]?) -> JSONValue? {
        guard let sealed, let key = try? key() else { return nil }
        return try? PersonalContent.open(sealed, key: key, for: event.id, position: event.position)
    }

    package init(ledger: Ledger, keys: CaseKeys) {
        self.ledger = ledger
        self.keys = keys
    }
}
