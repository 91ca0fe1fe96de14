import Foundation
import SpoorLedger
import SpoorProof

/// The checkpoint signing key: a file holding the 32-byte Ed25519 seed, raw or in base64, read from
/// systemd's credential directory (`LoadCredential=spoor-signing-key:…`).
package enum SigningKey {
    package static let credentialName = "spoor-signing-key"

    /// The key's seed, or `nil` when there is no key file; a file that is not a key is an error,
    /// so that a daemon never runs signing with a key nobody can verify.
    package static func seed(path: String?) throws(StoreError) -> [UInt8]? {
        guard let path, let seed = KeyFile.read(path) else { return nil }
        do { _ = try CheckpointSigner(name: "check", seed: seed) } catch {
            throw .file(path: path, reason: "is not an Ed25519 signing key: \(error)")
        }
        return seed
    }
}
