import Crypto
import Foundation

/// A SHA-256 digest: an event's hash, the previous hash it chains to, or a sealed part's digest.
public struct ChainHash: Hashable, Sendable, CustomStringConvertible {
    /// The length of a SHA-256 digest in bytes.
    public static let byteCount = 32
    /// The previous hash of the first event.
    public static let zero = ChainHash(bytes: [UInt8](repeating: 0, count: byteCount))

    /// The digest's 32 bytes.
    public let bytes: [UInt8]

    package init(bytes: [UInt8]) {
        precondition(bytes.count == Self.byteCount)
        self.bytes = bytes
    }

    package init(bytes: UnsafeRawBufferPointer) { self.init(bytes: Array(bytes)) }

    /// The SHA-256 of `data`.
    public static func of(_ data: some DataProtocol) -> ChainHash {
        ChainHash(bytes: Array(SHA256.hash(data: data)))
    }

    /// The digest in lowercase hex, 64 characters.
    public var hex: String { bytes.hexString }
    /// The digest in lowercase hex.
    public var description: String { hex }
}
