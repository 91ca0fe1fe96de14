import Foundation
import SpoorLedger

/// The checkpoint signing key: a file holding the 32-byte Ed25519 seed, raw or in base64, read from
/// systemd's credential directory (`LoadCredential=spoor-signing-key:…`).
enum SigningKey {
    static let credentialName = "spoor-signing-key"

    /// Where the key is looked for: the configured path, else the credential directory.
    static func path(configured: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        configured ?? environment["CREDENTIALS_DIRECTORY"].map { $0 + "/" + credentialName }
    }

    /// The signer for the log `origin`, or `nil` when there is no key file; a file that is not a
    /// key is an error, so that a daemon never runs signing with a key nobody can verify.
    static func load(path: String?, origin: String) throws -> CheckpointSigner? {
        guard let path, let contents = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let seed = contents.count == 32 ? Array(contents) : Data(base64Encoded: text).map(Array.init) ?? []
        do {
            return try CheckpointSigner(name: origin, seed: seed)
        } catch {
            throw ServerError.configuration(path: path, reason: "is not an Ed25519 signing key: \(error)")
        }
    }

    /// A development key in `folder`, made on first use (mode 0600).
    static func development(in folder: String) throws -> String {
        let path = folder + "/dev-signing-key"
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let seed = CheckpointSigner.generate(name: "development").seed
            _ = FileManager.default.createFile(atPath: path, contents: Data(Data(seed).base64EncodedString().utf8),
                                           attributes: [.posixPermissions: 0o600])
        }
        return path
    }
}
