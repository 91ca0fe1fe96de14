import Crypto
import Foundation
import SpoorDomain
import SpoorProtocol

/// CoMensha as the recipient of identifiable registrations: its key, and how a registration's
/// form is sealed to it, so that only CoMensha reads what the relay and the hub carry.
package struct CoMenshaRecipient: Sendable {
    let keyID: String
    /// The key's raw bytes (swift-crypto's key type is not `Sendable`).
    private let rawKey: Data

    /// CoMensha's key as it publishes it: an id and a base64 X25519 public key.
    package init(keyID: String, publicKey: String) throws {
        self.keyID = keyID
        rawKey = try DeliveryEnvelope.publicKey(base64: publicKey).rawRepresentation
    }

    /// The form of registration `number`, sealed under a new delivery id.
    func seal(_ form: JSONValue, registration number: Int, organisation: String?, on day: Day) throws -> RegistrationSealed {
        let delivery = UUID().uuidString.lowercased()
        let content: JSONValue = ["delivery": .string(delivery), "organisation": organisation.map(JSONValue.string) ?? .null, "registration": form]
        let envelope = try DeliveryEnvelope.seal(
            content.serialized, to: try Curve25519.KeyAgreement.PublicKey(rawRepresentation: rawKey),
            delivery: delivery)
        return RegistrationSealed(registration: number, delivery: delivery, recipientKey: keyID, sealedOn: day, envelope: envelope)
    }
}
