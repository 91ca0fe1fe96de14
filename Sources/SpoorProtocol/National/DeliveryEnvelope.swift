import Crypto
import Foundation

/// An identifiable registration sealed to CoMensha's public key, so that only CoMensha opens it:
/// HPKE (RFC 9180) in base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and
/// ChaCha20-Poly1305, the info string below, and the delivery's id as associated data (an envelope
/// moved to another delivery does not open). The envelope is the encapsulated key (32 bytes)
/// followed by the ciphertext, in base64.
public enum DeliveryEnvelope {
    /// HPKE's cipher suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305.
    public static var ciphersuite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    /// HPKE's info string, which binds an envelope to this use.
    public static let info = Data("spoor comensha delivery v1".utf8)
    static let encapsulatedKeyCount = 32

    /// Why an envelope or a key does not open or parse.
    public struct Failure: Error, CustomStringConvertible {
        /// What failed, in words.
        public let description: String
    }

    /// `content` sealed to `recipient` for the delivery `id`.
    public static func seal(_ content: [UInt8], to recipient: Curve25519.KeyAgreement.PublicKey, delivery id: String) throws -> String {
        var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: ciphersuite, info: info)
        let ciphertext = try sender.seal(content, authenticating: Data(id.utf8))
        return (sender.encapsulatedKey + ciphertext).base64EncodedString()
    }

    /// The content of `envelope`, sealed for the delivery `id`, opened with CoMensha's `key`.
    public static func open(_ envelope: String, with key: Curve25519.KeyAgreement.PrivateKey, delivery id: String) throws(Failure) -> [UInt8] {
        guard let bytes = Data(base64Encoded: envelope), bytes.count > encapsulatedKeyCount else {
            throw Failure(description: "delivery \(id): the envelope is not base64 of an encapsulated key and a ciphertext")
        }
        do {
            var recipient = try HPKE.Recipient(
                privateKey: key, ciphersuite: ciphersuite, info: info, encapsulatedKey: bytes.prefix(encapsulatedKeyCount))
            return Array(try recipient.open(bytes.dropFirst(encapsulatedKeyCount), authenticating: Data(id.utf8)))
        } catch {
            throw Failure(description: "delivery \(id): the envelope does not open with this key (another key, another delivery, or damaged)")
        }
    }

    /// An X25519 public key from base64 of its 32 raw bytes.
    public static func publicKey(base64 text: String) throws(Failure) -> Curve25519.KeyAgreement.PublicKey {
        guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: bytes)
        else {
            throw Failure(description: "not base64 of a 32-byte X25519 public key")
        }
        return key
    }

    /// An X25519 private key from base64 of its 32 raw bytes.
    public static func privateKey(base64 text: String) throws(Failure) -> Curve25519.KeyAgreement.PrivateKey {
        guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes)
        else {
            throw Failure(description: "not base64 of a 32-byte X25519 private key")
        }
        return key
    }
}
