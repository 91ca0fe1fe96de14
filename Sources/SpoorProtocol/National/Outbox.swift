/// What waits to go to CoMensha from one institution: identifiable registrations sealed to
/// CoMensha's key, and notices about earlier ones. The daemon answers `registration.outbox` with
/// it; the relay posts it to the hub's `outbox` as it is. Nothing in it is readable but by CoMensha.
public struct Outbox: Codable, Sendable, Equatable {
    /// An identifiable registration sealed to CoMensha's key.
    public struct Delivery: Codable, Sendable, Equatable {
        /// The delivery's id: random, saying nothing of the case or the youth.
        public var delivery: String
        /// The id of CoMensha's key it is sealed to.
        public var recipientKey: String
        /// ``DeliveryEnvelope``: base64, for CoMensha only.
        public var envelope: String

        /// A delivery `delivery` sealed to `recipientKey` in `envelope`.
        public init(delivery: String, recipientKey: String, envelope: String) {
            (self.delivery, self.recipientKey, self.envelope) = (delivery, recipientKey, envelope)
        }
    }

    /// A notice about a delivery: consent withdrawn (AVG art. 7(3), 17, 19: CoMensha may no longer
    /// use the identifying data on that consent), or the case's personal data erased (the hub
    /// deletes its copy of the envelope at once, and CoMensha is asked to erase its own).
    public struct Notice: Codable, Sendable, Equatable {
        /// What the notice is of: a withdrawal of consent, or an erasure.
        public enum Subject: String, Codable, Sendable, CaseIterable { case withdrawal, erasure }
        /// The delivery the notice is about.
        public var delivery: String
        /// A withdrawal or an erasure.
        public var subject: Subject
        /// The day consent was withdrawn; for an erasure, absent.
        public var since: String?

        /// A notice of `subject` about `delivery`, consent withdrawn `since` that day.
        public init(delivery: String, subject: Subject, since: String? = nil) {
            (self.delivery, self.subject, self.since) = (delivery, subject, since)
        }
    }

    /// The deliveries not yet received by CoMensha.
    public var deliveries: [Delivery]
    /// The notices owed to CoMensha.
    public var notices: [Notice]

    /// The outbox with these deliveries and notices; empty by default.
    public init(deliveries: [Delivery] = [], notices: [Notice] = []) { (self.deliveries, self.notices) = (deliveries, notices) }
}

/// CoMensha's acknowledgement of a delivery or a notice, as the hub keeps it for the relay and the
/// relay hands it to its daemon (`registration.acknowledged`), which records it.
public struct Acknowledgement: Codable, Sendable, Equatable {
    /// `registration`, `withdrawal` or `erasure`.
    public enum Subject: String, Codable, Sendable, CaseIterable { case registration, withdrawal, erasure }
    /// The hub's sequence number of the acknowledgement: where a relay's cursor stands.
    public var sequence: Int64?
    /// The delivery acknowledged.
    public var delivery: String
    /// What is acknowledged: the registration, or a notice about it.
    public var subject: Subject
    /// `YYYY-MM-DD`, the day CoMensha acknowledged it.
    public var acknowledgedOn: String
    /// CoMensha's reference, if it gave one.
    public var reference: String?

    /// CoMensha's acknowledgement of `subject` of `delivery` on `acknowledgedOn`.
    public init(sequence: Int64? = nil, delivery: String, subject: Subject, acknowledgedOn: String, reference: String? = nil) {
        (self.sequence, self.delivery, self.subject, self.acknowledgedOn, self.reference) = (sequence, delivery, subject, acknowledgedOn, reference)
    }
}

/// The daemon's answer to `registration.acknowledged`: whether it recorded the acknowledgement
/// now (at `position`), or had it already.
public struct AcknowledgementReply: Codable, Sendable, Equatable {
    /// Whether this call recorded it: `false` when the daemon had it already.
    public var recorded: Bool
    /// The position of the `registration-acknowledged` event recorded, when it was recorded now.
    public var position: UInt64?

    /// The answer: recorded now (at `position`), or held already.
    public init(recorded: Bool, position: UInt64? = nil) { (self.recorded, self.position) = (recorded, position) }
}
