import Crypto
import Foundation

/// A 32-byte key in a file, raw or in base64: how both the master key and the checkpoint signing
/// key are given to the daemon (systemd credentials, or development keys).
package enum KeyFile {
    /// Where a key is looked for: the configured path, else systemd's credential `name`.
    package static func path(
        configured: String?, credential name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        configured ?? environment["CREDENTIALS_DIRECTORY"].map { $0 + "/" + name }
    }

    /// The key's bytes (empty when the file holds neither form), or `nil` when there is no file.
    static func read(_ path: String) -> [UInt8]? {
        guard let contents = FileManager.default.contents(atPath: path) else { return nil }
        if contents.count == 32 { return Array(contents) }
        let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Data(base64Encoded: text).map(Array.init) ?? []
    }

    /// A random key at `folder/name`, made on first use (mode 0600): for development only.
    package static func development(_ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
            _ = FileManager.default.createFile(atPath: path, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
        }
        return path
    }
}
