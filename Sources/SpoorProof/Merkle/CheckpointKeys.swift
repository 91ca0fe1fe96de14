import Crypto
import Foundation

/// The log's Ed25519 signing key, named after the log (its origin).
public struct CheckpointSigner: Sendable {
    /// The key's name: the log's origin.
    public let name: String
    private let seed: [UInt8]

    /// A signer from the 32-byte Ed25519 seed in `seed`.
    public init(name: String, seed: [UInt8]) throws(CheckpointError) {
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) != nil else {
            throw .badKey("an Ed25519 signing key is 32 bytes, not \(seed.count)")
        }
        self.name = name
        self.seed = seed
    }

    // Built when used, from bytes: swift-crypto's key types are not Sendable.
    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }

    /// A new random key.
    public static func generate(name: String) -> (signer: CheckpointSigner, seed: [UInt8]) {
        let key = Curve25519.Signing.PrivateKey()
        let seed = Array(key.rawRepresentation)
        return (try! CheckpointSigner(name: name, seed: seed), seed)
    }

    /// The signed-note key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
    var keyID: [UInt8] { VerifierKey.keyID(name: name, type: VerifierKey.checkpoint, publicKey: Array(key.publicKey.rawRepresentation)) }

    /// The verifier key an auditor keeps: `name+keyid+base64(0x01 ‖ public key)`.
    public var verifierKey: String {
        VerifierKey.text(name: name, type: VerifierKey.checkpoint, publicKey: Array(key.publicKey.rawRepresentation))
    }
}

/// The public half, as an auditor holds it: checks checkpoint signatures without the server.
public struct CheckpointVerifier: Sendable {
    /// The key's name: the log's origin.
    public let name: String
    let keyID: [UInt8]
    private let publicKey: [UInt8]

    /// Reads a verifier key `name+keyid+base64(0x01 ‖ public key)`.
    public init(verifierKey text: String) throws(CheckpointError) {
        let key = try VerifierKey(parsing: text, type: VerifierKey.checkpoint, what: "a log's verifier key")
        (name, keyID, publicKey) = (key.name, key.keyID, key.publicKey)
    }

    /// Checks that `lines` holds a valid signature of `body` by this key.
    func check(signatures lines: String, over body: Data) throws(CheckpointError) {
        for line in lines.split(separator: "\n") where line.hasPrefix("— \(name) ") {
            guard let raw = Data(base64Encoded: String(line.dropFirst("— \(name) ".count))), raw.count == 68 else {
                throw .malformed("the signature line of \(name) is not base64 of a key id and a 64-byte signature")
            }
            guard Array(raw.prefix(4)) == keyID else { continue }
            let key = try! Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
            guard key.isValidSignature(raw.dropFirst(4), for: body) else { throw .badSignature(keyName: name) }
            return
        }
        throw .noSignature(keyName: name)
    }
}
