import Crypto
import Foundation

/// A signed-note verifier key (c2sp.org/signed-note): `name+keyid+base64(type ‖ public key)`, the
/// key id the first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key). A log's checkpoint key is
/// type 0x01 (Ed25519); a witness's cosignature key type 0x04 (c2sp.org/tlog-cosignature).
struct VerifierKey {
    static let checkpoint: UInt8 = 0x01
    static let cosignature: UInt8 = 0x04

    let name: String
    let keyID: [UInt8]
    let publicKey: [UInt8]

    /// Reads `text` as a key of `type`; `what` names the kind of key in the error.
    init(parsing text: String, type: UInt8, what: String) throws(CheckpointError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].count == 8, let id = UInt32(parts[1], radix: 16),
            let raw = Data(base64Encoded: String(parts[2])), raw.count == 33, raw.first == type,
            (try? Curve25519.Signing.PublicKey(rawRepresentation: raw.dropFirst())) != nil
        else { throw .badKey("expected \(what): name+8 hex digits+base64 of 0x\(String(format: "%02x", type)) and a 32-byte Ed25519 key") }
        (name, publicKey) = (String(parts[0]), Array(raw.dropFirst()))
        keyID = withUnsafeBytes(of: id.bigEndian) { Array($0) }
        guard keyID == Self.keyID(name: name, type: type, publicKey: publicKey) else { throw .badKey("the key id does not match the key") }
    }

    static func keyID(name: String, type: UInt8, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, type] + publicKey).prefix(4))
    }

    /// The text of the key of `type` named `name`.
    static func text(name: String, type: UInt8, publicKey: [UInt8]) -> String {
        let id = keyID(name: name, type: type, publicKey: publicKey).hexString
        return "\(name)+\(id)+\(Data([type] + publicKey).base64EncodedString())"
    }
}
