import SpoorJSON

/// The daemon sealed an identifiable registration's content to CoMensha's public key (HPKE), so
/// that the relay and the national hub carry it to CoMensha without being able to open it. The
/// daemon records it in the same append as the registration; no one issues it as a command.
public struct RegistrationSealed: Codable, Sendable, Equatable {
    /// The sealed content, itself sealed with the case's key like all personal content: an
    /// erasure destroys it here, and the relay then tells the hub to delete its copy.
    public struct Envelope: Codable, Sendable, Equatable {
        /// Base64 of HPKE's encapsulated key followed by the ciphertext.
        public var envelope: String
        public init(envelope: String) { self.envelope = envelope }
    }

    /// The registration's number in the case, from 1.
    public var registration: Int
    /// How the hub and CoMensha name this delivery: random, saying nothing of the case or youth.
    public var delivery: String
    /// The id of CoMensha's key it is sealed to.
    public var recipientKey: String
    public var sealedOn: Day
    public var personal: Envelope?

    public init(registration: Int, delivery: String, recipientKey: String, sealedOn: Day, envelope: String) {
        (self.registration, self.delivery, self.recipientKey, self.sealedOn) = (registration, delivery, recipientKey, sealedOn)
        personal = Envelope(envelope: envelope)
    }
}

/// CoMensha acknowledged, through the hub and the relay, that it received a delivery: the
/// registration itself, the notice that consent was withdrawn, or the notice that the case's
/// personal data was erased. Recorded by the relay, never by a person.
public struct RegistrationAcknowledged: Codable, Sendable, Equatable {
    public enum Subject: String, CaseIterable, NamedValues, Codable, Sendable { case registration, withdrawal, erasure }
    public var delivery: String
    public var subject: Subject
    public var acknowledgedOn: Day
    /// CoMensha's reference, if it gave one.
    public var reference: String?

    public init(delivery: String, subject: Subject, acknowledgedOn: Day, reference: String? = nil) {
        (self.delivery, self.subject, self.acknowledgedOn, self.reference) = (delivery, subject, acknowledgedOn, reference)
    }
}
