import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// Issue 30: CoMensha "must actually receive the registrations (today Spoor writes a form file
/// that someone has to send)", and "the institution's worklist shows registrations sent but not yet
/// received". The research report (§6.4): registration is "vaak niet als prioriteit gezien", so a
/// delivery that stalls comes back to the attention officer rather than being forgotten.
@Suite("A registration's delivery to CoMensha: sealed, acknowledged, and listed while it is not")
struct DeliveryTests {
    static let id = "6a1d9e40-2b7c-4f3a-8e5d-1c0b9a8f7e6d"

    /// A 17-year-old's case with an identifiable registration on her consent, sealed on 2026-11-04.
    static func sealed() throws -> CaseHarness {
        var h = try CaseHarness.opened(birthDate: "2009-01-15", on: "2026-11-02")
        try h.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try h.run(.give(.youth, on: "2026-11-03"), on: "2026-11-03")
        try h.run(.register(.identifiable, basis: .consent, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        h.recordSealed(registration: 1, delivery: id, actor: "anna", on: "2026-11-04")
        return h
    }

    static func notReceived(_ state: CaseState, on today: String) -> [Worklist.Item] {
        Worklist.items(for: [state.digest], on: day(today)).filter { $0.kind == .registrationNotReceived }
    }

    @Test("a sealed registration not acknowledged is listed for the attention officer from three days on; an acknowledgement ends it")
    func listedUntilReceived() throws {
        var h = try Self.sealed()
        #expect(h.current.delivery(Self.id)?.envelope == "c2VhbGVk")
        let listed = Self.notReceived(h.current, on: "2026-11-07")
        #expect(listed.count == 1 && listed.first?.responsible == .attentionOfficer && listed.first?.since == day("2026-11-04"))
        #expect(Self.notReceived(h.current, on: "2026-11-06").filter { $0.isOverdue(on: day("2026-11-06")) }.isEmpty, "not before three days")
        try h.run(
            CaseCommand(RegistrationAcknowledged(delivery: Self.id, subject: .registration, acknowledgedOn: day("2026-11-05"))), as: .relay,
            on: "2026-11-05")
        #expect(Self.notReceived(h.current, on: "2026-11-30").isEmpty)
        #expect(h.current.delivery(Self.id)?.received == day("2026-11-05"))
    }

    @Test("only the relay records an acknowledgement, of a delivery the case has, of a notice that is owed; no one seals by command")
    func acknowledgementsAreChecked() throws {
        var h = try Self.sealed()
        let ack = { (subject: RegistrationAcknowledged.Subject, id: String) in
            CaseCommand(RegistrationAcknowledged(delivery: id, subject: subject, acknowledgedOn: day("2026-11-05")))
        }
        #expect(throws: DomainError.notPermitted(role: .attentionOfficer, command: RegistrationAcknowledged.kind.action)) {
            try h.run(ack(.registration, Self.id), as: .attentionOfficer, on: "2026-11-05")
        }
        #expect(throws: DomainError.invalidField("delivery", "the case has no delivery 00000000-0000-4000-8000-000000000000")) {
            try h.run(ack(.registration, "00000000-0000-4000-8000-000000000000"), as: .relay, on: "2026-11-05")
        }
        #expect(throws: DomainError.ruleViolated(rule: "delivery", reason: "the case is not erased")) {
            try h.run(ack(.erasure, Self.id), as: .relay, on: "2026-11-05")
        }
        #expect(throws: DomainError.ruleViolated(rule: "delivery", reason: "no withdrawal of consent is owed to CoMensha")) {
            try h.run(ack(.withdrawal, Self.id), as: .relay, on: "2026-11-05")
        }
        for role in Role.allCases {
            let sealing = CaseCommand(
                RegistrationSealed(registration: 1, delivery: Self.id, recipientKey: "k", sealedOn: day("2026-11-05"), envelope: "x"))
            #expect(throws: DomainError.self, "\(role)") { try h.run(sealing, as: role, on: "2026-11-05") }
        }
    }

    @Test("a withdrawal of the consent a delivered registration rested on is acknowledged as the withdrawal-notified event would tell it")
    func withdrawalAcknowledged() throws {
        var h = try Self.sealed()
        try h.run(.withdraw(.youth, on: "2026-11-06"), on: "2026-11-06")
        #expect(h.current.withdrawalNotice != nil)
        try h.run(
            CaseCommand(RegistrationAcknowledged(delivery: Self.id, subject: .withdrawal, acknowledgedOn: day("2026-11-07"))), as: .relay,
            on: "2026-11-07")
        #expect(h.current.withdrawalNotice == nil && h.current.delivery(Self.id)?.withdrawalAcknowledged == day("2026-11-07"))
    }

    @Test("an erasure destroys the envelope with the rest of the personal content, and ends the not-received item")
    func erasureDestroysTheEnvelope() throws {
        var h = try Self.sealed()
        try h.run(CaseCommand(PersonalDataErased(basis: .request, erasedOn: day("2026-11-06"), reason: "R-1")), as: .privacyOfficer, on: "2026-11-06")
        #expect(h.current.delivery(Self.id)?.envelope == nil)
        #expect(Self.notReceived(h.current, on: "2026-12-01").isEmpty)
        try h.run(
            CaseCommand(RegistrationAcknowledged(delivery: Self.id, subject: .erasure, acknowledgedOn: day("2026-11-07"))), as: .relay,
            on: "2026-11-07")
        #expect(h.current.delivery(Self.id)?.erasureAcknowledged == day("2026-11-07"))
    }

    /// Issue 30: "a withdrawal of consent or an erasure is shipped as a notice to the outbox too";
    /// what is owed is what the relay's outbox lists and the daemon indexes (`delivery-owed/`).
    @Test("what CoMensha is owed follows the delivery: the envelope until received, the withdrawal until acknowledged, then the erasure only")
    func owedThroughTheDeliverysLife() throws {
        var h = try Self.sealed()
        let owed = { (h: CaseHarness) in h.current.owed(for: try #require(h.current.delivery(Self.id))) }
        #expect(try owed(h) == [.envelope("c2VhbGVk")])
        let ack = { (subject: RegistrationAcknowledged.Subject, on: String) in
            CaseCommand(RegistrationAcknowledged(delivery: Self.id, subject: subject, acknowledgedOn: day(on)))
        }
        try h.run(ack(.registration, "2026-11-05"), as: .relay, on: "2026-11-05")
        #expect(try owed(h).isEmpty)
        try h.run(.withdraw(.youth, on: "2026-11-06"), on: "2026-11-06")
        #expect(try owed(h) == [.withdrawal(since: day("2026-11-06"))])
        try h.run(ack(.withdrawal, "2026-11-07"), as: .relay, on: "2026-11-07")
        #expect(try owed(h).isEmpty)
        try h.run(CaseCommand(PersonalDataErased(basis: .request, erasedOn: day("2026-11-08"), reason: "R-1")), as: .privacyOfficer, on: "2026-11-08")
        #expect(try owed(h) == [.erasure])
        try h.run(ack(.erasure, "2026-11-09"), as: .relay, on: "2026-11-09")
        #expect(try owed(h).isEmpty)
    }
}
