import Crypto
import Foundation
import SpoorLedger
import SpoorProof

/// The key that wraps every case's data key (AES-256-GCM key wrapping), read from systemd's
/// credential `spoor-master-key`: 32 bytes, raw or base64. It never touches the store.
package struct MasterKey: Sendable {
    package static let credentialName = "spoor-master-key"
    private static let checkText = Array("spoor master key check".utf8)

    private let bytes: [UInt8]

    init(bytes: [UInt8]) throws(StoreError) {
        guard bytes.count == 32 else { throw .file(path: "the master key", reason: "must be 32 bytes, not \(bytes.count)") }
        self.bytes = bytes
    }

    /// Reads the key at `path`; a missing or malformed file is an error that says which.
    package static func load(path: String) throws(StoreError) -> MasterKey {
        guard let raw = KeyFile.read(path) else {
            throw .file(path: path, reason: "cannot be read: the daemon needs its master key (credential \(credentialName)) to seal personal data")
        }
        do { return try MasterKey(bytes: raw) } catch {
            throw .file(path: path, reason: "is not a master key: 32 bytes, raw or base64 (head -c 32 /dev/urandom | base64)")
        }
    }

    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// A data key sealed under this key, bound to its stream so it cannot be moved to another case.
    func wrap(_ dataKey: [UInt8], for stream: StreamName) throws -> [UInt8] {
        Array(try AES.GCM.seal(dataKey, using: key, authenticating: Array("data key \(stream)".utf8)).combined!)
    }

    func unwrap(_ wrapped: [UInt8], for stream: StreamName) throws -> [UInt8] {
        Array(try AES.GCM.open(AES.GCM.SealedBox(combined: wrapped), using: key, authenticating: Array("data key \(stream)".utf8)))
    }

    /// A key for another use, derived from this one under its own `label` (HKDF-SHA256), so that
    /// it changes when this key is rotated and reveals nothing of it.
    func derived(label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array(label.utf8), outputByteCount: 32)
    }

    /// A value only this key opens, stored with the data so that a wrong key is refused at start.
    package func checkValue() throws -> [UInt8] {
        Array(try AES.GCM.seal(Self.checkText, using: key).combined!)
    }

    package func opens(checkValue: [UInt8]) -> Bool {
        (try? AES.GCM.open(AES.GCM.SealedBox(combined: checkValue), using: key)).map(Array.init) == Self.checkText
    }
}
