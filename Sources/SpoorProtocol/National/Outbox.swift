/// What waits to go to CoMensha from one institution: identifiable registrations sealed to
/// CoMensha's key, and notices about earlier ones. The daemon answers `registration.outbox` with
/// it; the relay posts it to the hub's `outbox` as it is. Nothing in it is readable but by CoMensha.
public struct Outbox: Codable, Sendable, Equatable {
    public struct Delivery: Codable, Sendable, Equatable {
        /// The delivery's id: random, saying nothing of the case or the youth.
        public var delivery: String
        /// The id of CoMensha's key it is sealed to.
        public var recipientKey: String
        /// ``DeliveryEnvelope``: base64, for CoMensha only.
        public var envelope: String

        public init(delivery: String, recipientKey: String, envelope: String) {
            (self.delivery, self.recipientKey, self.envelope) = (delivery, recipientKey, envelope)
        }
    }

    /// A notice about a delivery: consent withdrawn (AVG art. 7(3), 17, 19: CoMensha may no longer
    /// use the identifying data on that consent), or the case's personal data erased (the hub
    /// deletes its copy of the envelope at once, and CoMensha is asked to erase its own).
    public struct Notice: Codable, Sendable, Equatable {
        public enum Subject: String, Codable, Sendable, CaseIterable { case withdrawal, erasure }
        public var delivery: String
        public var subject: Subject
        /// The day consent was withdrawn; for an erasure, absent.
        public var since: String?

        public init(delivery: String, subject: Subject, since: String? = nil) { (self.delivery, self.subject, self.since) = (delivery, subject, since) }
    }

    public var deliveries: [Delivery]
    public var notices: [Notice]

    public init(deliveries: [Delivery] = [], notices: [Notice] = []) { (self.deliveries, self.notices) = (deliveries, notices) }
}

/// CoMensha's acknowledgement of a delivery or a notice, as the hub keeps it for the relay and the
/// relay hands it to its daemon (`registration.acknowledged`), which records it.
public struct Acknowledgement: Codable, Sendable, Equatable {
    /// `registration`, `withdrawal` or `erasure`.
    public enum Subject: String, Codable, Sendable, CaseIterable { case registration, withdrawal, erasure }
    /// The hub's sequence number of the acknowledgement: where a relay's cursor stands.
    public var sequence: Int64?
    public var delivery: String
    public var subject: Subject
    /// `YYYY-MM-DD`, the day CoMensha acknowledged it.
    public var acknowledgedOn: String
    /// CoMensha's reference, if it gave one.
    public var reference: String?

    public init(sequence: Int64? = nil, delivery: String, subject: Subject, acknowledgedOn: String, reference: String? = nil) {
        (self.sequence, self.delivery, self.subject, self.acknowledgedOn, self.reference) = (sequence, delivery, subject, acknowledgedOn, reference)
    }
}

/// The daemon's answer to `registration.acknowledged`: whether it recorded the acknowledgement
/// now (at `position`), or had it already.
public struct AcknowledgementReply: Codable, Sendable, Equatable {
    public var recorded: Bool
    public var position: UInt64?

    public init(recorded: Bool, position: UInt64? = nil) { (self.recorded, self.position) = (recorded, position) }
}
