import Crypto
import Foundation

/// A witness's Ed25519 cosigning key (c2sp.org/tlog-cosignature, `cosignature/v1`, as pinned in
/// the README): a cosignature states that, as of its time, the checkpoint is the largest
/// consistent tree head the witness has observed for that log. The algorithm is this type's
/// alone: the spec prefers ML-DSA-44 for new deployments, which this swift-crypto lacks; a
/// second cosigner type with key type 0x06 and the `subtree/v1` message would sit beside it.
public struct Cosigner: Sendable {
    /// The witness's name, as its cosignature lines carry it.
    public let name: String
    private let seed: [UInt8]

    /// A cosigner named `name` from the 32-byte Ed25519 seed in `seed`.
    public init(name: String, seed: [UInt8]) throws(CheckpointError) {
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) != nil else {
            throw .badKey("an Ed25519 cosigning key is 32 bytes, not \(seed.count)")
        }
        (self.name, self.seed) = (name, seed)
    }

    /// A new random key.
    public static func generate(name: String) -> (cosigner: Cosigner, seed: [UInt8]) {
        let seed = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
        return (try! Cosigner(name: name, seed: seed), seed)
    }

    private var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }

    /// The verifier key a log or an auditor trusts: `name+keyid+base64(0x04 ‖ public key)`.
    public var verifierKey: String { VerifierKey.text(name: name, type: VerifierKey.cosignature, publicKey: Array(key.publicKey.rawRepresentation)) }

    /// The note signature line that cosigns the checkpoint whose note body is `body` at `timestamp`
    /// (POSIX seconds): `— <name> base64(key id ‖ u64 timestamp ‖ signature)`.
    public func cosign(body: String, at timestamp: UInt64) throws -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        let signature = try key.signature(for: Self.message(body: body, timestamp: timestamp))
        let time = withUnsafeBytes(of: timestamp.bigEndian) { Array($0) }
        let raw = VerifierKey.keyID(name: name, type: VerifierKey.cosignature, publicKey: publicKey) + time + Array(signature)
        return "— \(name) \(Data(raw).base64EncodedString())\n"
    }

    /// What is signed: `cosignature/v1`, the time line, then the whole note body.
    static func message(body: String, timestamp: UInt64) -> Data {
        Data("cosignature/v1\ntime \(timestamp)\n\(body)".utf8)
    }
}

/// The public half of a cosigner, as a log or an auditor holds it.
public struct CosignatureVerifier: Sendable, Equatable {
    /// The witness's name, as its cosignature lines carry it.
    public let name: String
    let keyID: [UInt8]
    private let publicKey: [UInt8]

    /// Reads a verifier key `name+keyid+base64(0x04 ‖ public key)`.
    public init(verifierKey text: String) throws(CheckpointError) {
        let key = try VerifierKey(parsing: text, type: VerifierKey.cosignature, what: "a cosigner's verifier key")
        (name, keyID, publicKey) = (key.name, key.keyID, key.publicKey)
    }

    /// This cosigner's signature line among the note signature `lines` over the note `body`, and
    /// the time it binds; lines of other keys are ignored, as the spec says.
    public func cosignature(in lines: String, over body: String) throws(CheckpointError) -> (line: String, time: UInt64) {
        for line in lines.split(separator: "\n") where line.hasPrefix("— \(name) ") {
            guard let raw = Data(base64Encoded: String(line.dropFirst("— \(name) ".count))), raw.count == 4 + 8 + 64,
                Array(raw.prefix(4)) == keyID
            else { continue }
            let timestamp = raw.dropFirst(4).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let key = try! Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
            guard timestamp <= UInt64(Int64.max), key.isValidSignature(raw.suffix(64), for: Cosigner.message(body: body, timestamp: timestamp)) else {
                throw .badSignature(keyName: name)
            }
            return (String(line) + "\n", timestamp)
        }
        throw .noSignature(keyName: name)
    }

    /// The time of this cosigner's signature among `lines` over `body`.
    public func time(ofCosignatureIn lines: String, over body: String) throws(CheckpointError) -> UInt64 {
        try cosignature(in: lines, over: body).time
    }
}
