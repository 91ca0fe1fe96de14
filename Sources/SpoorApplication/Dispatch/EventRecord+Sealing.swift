import SpoorLedger
import SpoorProof
import SpoorProtocol

extension EventRecord {
    /// `event` as admins and auditors see it (`events.tail`, `audit.prove`): personal content sealed.
    init(sealing event: RecordedEvent) {
        self.init(event, payload: ((try? JSONValue.parse(event.payload)) ?? .string("«not JSON»")).redactingPersonalContent(as: .sealed))
    }
}
