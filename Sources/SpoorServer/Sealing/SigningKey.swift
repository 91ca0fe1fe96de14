import Foundation
import SpoorLedger
import SpoorProof

/// The checkpoint signing key: a file holding the 32-byte Ed25519 seed, raw or in base64, read from
/// systemd's credential directory (`LoadCredential=spoor-signing-key:…`).
enum SigningKey {
    static let credentialName = "spoor-signing-key"

    /// The signer for the log `origin` names, or `nil` when there is no key file; a file that is
    /// not a key is an error, so that a daemon never runs signing with a key nobody can verify.
    static func load(path: String?, origin: () throws -> String) throws -> CheckpointSigner? {
        guard let path, let seed = KeyFile.read(path) else { return nil }
        let name = try origin()
        do {
            return try CheckpointSigner(name: name, seed: seed)
        } catch {
            throw ServerError.configuration(path: path, reason: "is not an Ed25519 signing key: \(error)")
        }
    }
}
