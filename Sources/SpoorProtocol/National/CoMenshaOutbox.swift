/// What the hub holds for CoMensha (`GET /comensha/outbox`): every institution's deliveries not
/// yet acknowledged, and the notices about earlier ones. `spoor-comensha` opens the envelopes with
/// CoMensha's private key; the hub cannot.
public struct CoMenshaOutbox: Codable, Sendable, Equatable {
    public struct Delivery: Codable, Sendable, Equatable {
        /// The institution's log: whose registration it is.
        public var origin: String
        public var delivery: String
        public var recipientKey: String
        public var envelope: String

        public init(origin: String, delivery: String, recipientKey: String, envelope: String) {
            (self.origin, self.delivery, self.recipientKey, self.envelope) = (origin, delivery, recipientKey, envelope)
        }
    }

    public struct Notice: Codable, Sendable, Equatable {
        public var origin: String
        public var delivery: String
        public var subject: Outbox.Notice.Subject
        public var since: String?

        public init(origin: String, delivery: String, subject: Outbox.Notice.Subject, since: String?) {
            (self.origin, self.delivery, self.subject, self.since) = (origin, delivery, subject, since)
        }
    }

    public var deliveries: [Delivery]
    public var notices: [Notice]

    public init(deliveries: [Delivery] = [], notices: [Notice] = []) { (self.deliveries, self.notices) = (deliveries, notices) }
}

/// CoMensha's acknowledgements (`POST /comensha/acknowledgements`): each delivery it opened and
/// took in, each notice it acted on. The hub deletes an acknowledged envelope and passes each
/// acknowledgement to the institution's relay.
public struct CoMenshaAcknowledgements: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var origin: String
        public var delivery: String
        public var subject: Acknowledgement.Subject
        public var reference: String?

        public init(origin: String, delivery: String, subject: Acknowledgement.Subject, reference: String? = nil) {
            (self.origin, self.delivery, self.subject, self.reference) = (origin, delivery, subject, reference)
        }
    }

    public var acknowledgements: [Entry]

    public init(acknowledgements: [Entry]) { self.acknowledgements = acknowledgements }
}
