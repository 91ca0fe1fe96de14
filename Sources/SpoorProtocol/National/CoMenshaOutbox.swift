/// What the hub holds for CoMensha (`GET /comensha/outbox`): every institution's deliveries not
/// yet acknowledged, and the notices about earlier ones. `spoor-comensha` opens the envelopes with
/// CoMensha's private key; the hub cannot.
public struct CoMenshaOutbox: Codable, Sendable, Equatable {
    /// An identifiable registration sealed to CoMensha, with the institution it comes from.
    public struct Delivery: Codable, Sendable, Equatable {
        /// The institution's log: whose registration it is.
        public var origin: String
        /// The delivery's id: random, saying nothing of the case or the youth.
        public var delivery: String
        /// The id of CoMensha's key it is sealed to.
        public var recipientKey: String
        /// ``DeliveryEnvelope``: base64, for CoMensha only.
        public var envelope: String

        /// A delivery of `origin`'s, as the hub holds it.
        public init(origin: String, delivery: String, recipientKey: String, envelope: String) {
            (self.origin, self.delivery, self.recipientKey, self.envelope) = (origin, delivery, recipientKey, envelope)
        }
    }

    /// A notice about an earlier delivery (a withdrawal of consent, an erasure), with its institution.
    public struct Notice: Codable, Sendable, Equatable {
        /// The institution's log: whose delivery it is about.
        public var origin: String
        /// The delivery it is about.
        public var delivery: String
        /// A withdrawal or an erasure.
        public var subject: Outbox.Notice.Subject
        /// The day consent was withdrawn; for an erasure, absent.
        public var since: String?

        /// A notice of `origin`'s, as the hub holds it.
        public init(origin: String, delivery: String, subject: Outbox.Notice.Subject, since: String?) {
            (self.origin, self.delivery, self.subject, self.since) = (origin, delivery, subject, since)
        }
    }

    /// The deliveries not yet acknowledged.
    public var deliveries: [Delivery]
    /// The notices not yet acknowledged.
    public var notices: [Notice]

    /// The outbox with these deliveries and notices; empty by default.
    public init(deliveries: [Delivery] = [], notices: [Notice] = []) { (self.deliveries, self.notices) = (deliveries, notices) }
}

/// CoMensha's acknowledgements (`POST /comensha/acknowledgements`): each delivery it opened and
/// took in, each notice it acted on. The hub deletes an acknowledged envelope and passes each
/// acknowledgement to the institution's relay.
public struct CoMenshaAcknowledgements: Codable, Sendable, Equatable {
    /// One acknowledgement: which institution's delivery, and of what.
    public struct Entry: Codable, Sendable, Equatable {
        /// The institution's log the delivery came from.
        public var origin: String
        /// The delivery acknowledged.
        public var delivery: String
        /// What is acknowledged: the registration, or a notice about it.
        public var subject: Acknowledgement.Subject
        /// CoMensha's reference, if it gives one.
        public var reference: String?

        /// The acknowledgement of `subject` of `origin`'s `delivery`.
        public init(origin: String, delivery: String, subject: Acknowledgement.Subject, reference: String? = nil) {
            (self.origin, self.delivery, self.subject, self.reference) = (origin, delivery, subject, reference)
        }
    }

    /// The acknowledgements, in any order.
    public var acknowledgements: [Entry]

    /// The acknowledgements to post.
    public init(acknowledgements: [Entry]) { self.acknowledgements = acknowledgements }
}
