import Crypto
import Foundation

/// The log's Ed25519 signing key, named after the log (its origin).
public struct CheckpointSigner: Sendable {
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
    var keyID: [UInt8] { CheckpointVerifier.keyID(name: name, publicKey: Array(key.publicKey.rawRepresentation)) }

    /// The verifier key an auditor keeps: `name+keyid+base64(0x01 ‖ public key)`.
    public var verifierKey: String {
        "\(name)+\(keyID.map { String(format: "%02x", $0) }.joined())+\(Data([0x01] + key.publicKey.rawRepresentation).base64EncodedString())"
    }
}

/// The public half, as an auditor holds it: checks checkpoint signatures without the server.
public struct CheckpointVerifier: Sendable {
    public let name: String
    let keyID: [UInt8]
    private let publicKey: [UInt8]

    /// Reads a verifier key `name+keyid+base64(0x01 ‖ public key)`.
    public init(verifierKey text: String) throws(CheckpointError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].count == 8, let id = UInt32(parts[1], radix: 16),
              let raw = Data(base64Encoded: String(parts[2])), raw.count == 33, raw.first == 0x01,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: raw.dropFirst())) != nil
        else { throw .badKey("expected name+8 hex digits+base64 of 0x01 and a 32-byte Ed25519 key") }
        name = String(parts[0])
        keyID = withUnsafeBytes(of: id.bigEndian) { Array($0) }
        guard keyID == Self.keyID(name: name, publicKey: Array(raw.dropFirst())) else { throw .badKey("the key id does not match the key") }
        publicKey = Array(raw.dropFirst())
    }

    static func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
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
