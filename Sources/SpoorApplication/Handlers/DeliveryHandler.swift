import Crypto
import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The relay's two doors to CoMensha's deliveries: what waits to go (``Outbox``), read from the
/// cases' deliveries, and CoMensha's acknowledgements handed back, each recorded on its case as a
/// `registration-acknowledged` event in the relay's name. The relay sees envelopes only CoMensha
/// opens, and delivery ids that say nothing of a case.
package struct DeliveryHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let commands: CommandHandler

    /// Every delivery not yet received, and every notice owed: a withdrawal of the consent a
    /// delivered registration rested on, or the erasure of its case. Read from the index of what is
    /// owed, each case once.
    func outbox() throws -> JSONValue {
        var outbox = Outbox()
        let owed = try CaseDeliveries.owed(in: ledger)
        var states: [String: CaseState] = [:]
        for caseID in Set(owed.map(\.caseID)) { states[caseID] = try projections.entry(of: caseID)?.state }
        for (id, caseID) in owed {
            guard let state = states[caseID], let delivery = state.delivery(id) else { continue }
            for item in state.owed(for: delivery) {
                switch item {
                case .envelope(let envelope): outbox.deliveries.append(.init(delivery: id, recipientKey: delivery.recipientKey, envelope: envelope))
                case .withdrawal(let since): outbox.notices.append(.init(delivery: id, subject: .withdrawal, since: since.description))
                case .erasure: outbox.notices.append(.init(delivery: id, subject: .erasure))
                }
            }
        }
        return try JSONValue(encoding: outbox)
    }

    /// Records CoMensha's acknowledgement on the delivery's case, once: a relay that hands it back
    /// again gets `recorded: false`.
    func acknowledge(_ acknowledgement: Acknowledgement, by caller: Caller) async throws -> JSONValue {
        guard let caseID = try CaseDeliveries.caseID(of: acknowledgement.delivery, in: ledger),
            let state = try projections.entry(of: caseID)?.state, let delivery = state.delivery(acknowledgement.delivery)
        else {
            throw WireError(.notFound, "there is no delivery \(acknowledgement.delivery)", field: "delivery")
        }
        if Self.isAcknowledged(delivery, acknowledgement.subject) { return try JSONValue(encoding: AcknowledgementReply(recorded: false)) }
        let body: JSONValue = [
            "delivery": .string(acknowledgement.delivery), "subject": .string(acknowledgement.subject.rawValue),
            "acknowledgedOn": .string(acknowledgement.acknowledgedOn),
            "reference": acknowledgement.reference.map(JSONValue.string) ?? .null,
        ]
        let command = try CaseCommand(name: RegistrationAcknowledged.kind.command, caseID: caseID, body: body)
        let reply = try await commands.handle(
            command, case: try CheckedCase(caseID), eventID: Self.eventID(of: acknowledgement), actor: caller.actor,
            role: .relay)
        return try JSONValue(encoding: AcknowledgementReply(recorded: true, position: reply["position"]?.number.map { UInt64($0) }))
    }

    private static func isAcknowledged(_ delivery: CaseState.Delivery, _ subject: Acknowledgement.Subject) -> Bool {
        switch subject {
        case .registration: delivery.received != nil
        case .withdrawal: delivery.withdrawalAcknowledged != nil
        case .erasure: delivery.erasureAcknowledged != nil
        }
    }

    /// One event id per delivery and subject, so that two relays racing, or one retrying, record it once.
    static func eventID(of acknowledgement: Acknowledgement) -> EventID {
        var bytes = Array(SHA256.hash(data: Array("acknowledgement \(acknowledgement.delivery) \(acknowledgement.subject.rawValue)".utf8)).prefix(16))
        (bytes[6], bytes[8]) = (bytes[6] & 0x0F | 0x80, bytes[8] & 0x3F | 0x80)  // RFC 9562 version 8, variant 10
        return EventID(
            UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                    bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                )))
    }

    package init(ledger: Ledger, projections: CaseProjection, commands: CommandHandler) {
        self.ledger = ledger
        self.projections = projections
        self.commands = commands
    }
}
