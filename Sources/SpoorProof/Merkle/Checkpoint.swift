import Crypto
import Foundation

/// A tree head as a C2SP checkpoint (c2sp.org/tlog-checkpoint) in a signed note
/// (c2sp.org/signed-note), signed with Ed25519: what an auditor keeps outside the server and
/// later holds the log to, with nothing but the log's public key.
///
/// ```
/// spoor/zorg-noord          origin: which log
/// 1234                      tree size
/// 3q2+7w…=                  root hash, base64
///
/// — spoor/zorg-noord AbCdEf…   key name, base64(key id ‖ signature)
/// ```
public struct Checkpoint: Sendable, Equatable {
    /// The log's name: which log the tree head is of.
    public let origin: String
    /// The tree's size and root.
    public let head: TreeHead

    /// The checkpoint of `origin`'s tree at `head`.
    public init(origin: String, head: TreeHead) {
        self.origin = origin
        self.head = head
    }

    /// The signed body: origin, size and root, each on its own line.
    public var body: String { "\(origin)\n\(head.size)\n\(Data(head.root.bytes).base64EncodedString())\n" }

    /// The signed note: the body, a blank line, and the signature line.
    public func signed(by signer: CheckpointSigner) throws -> String {
        let signature = try signer.key.signature(for: Data(body.utf8))
        return body + "\n— \(signer.name) \(Data(signer.keyID + Array(signature)).base64EncodedString())\n"
    }

    /// The body of a signed note, as its signatures and cosignatures cover it: every line before
    /// the blank one, the last newline included; `nil` when there is no blank line.
    public static func body(ofNote note: String) -> String? {
        note.range(of: "\n\n").map { String(note[..<$0.lowerBound]) + "\n" }
    }

    /// Reads a signed note and checks its signature by `verifier`; any fault is a typed error.
    public init(note: String, verifiedBy verifier: CheckpointVerifier) throws(CheckpointError) {
        guard note.utf8.count <= 4_096 else { throw .malformed("a checkpoint is at most 4 KiB; this one is \(note.utf8.count) bytes") }
        guard let body = Self.body(ofNote: note), let split = note.range(of: "\n\n") else {
            throw .malformed("there is no blank line between the checkpoint and its signatures")
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.count >= 3, let size = UInt64(lines[1]), String(size) == lines[1],
            let rootBytes = Data(base64Encoded: String(lines[2])), let root = ChainHash(hashBytes: Array(rootBytes))
        else { throw .malformed("the checkpoint must hold an origin, a tree size and a base64 SHA-256 root, one per line") }
        guard String(lines[0]) == verifier.name else {
            throw .otherLog(origin: String(lines[0]), expected: verifier.name)
        }
        try verifier.check(signatures: String(note[split.upperBound...]), over: Data(body.utf8))
        self.init(origin: String(lines[0]), head: TreeHead(size: size, root: root))
    }
}

/// Why a checkpoint is not to be trusted.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case otherLog(origin: String, expected: String)
    case noSignature(keyName: String)
    case badSignature(keyName: String)
    case badKey(String)

    /// The failure in words an auditor can act on.
    public var description: String {
        switch self {
        case .malformed(let reason): "not a checkpoint: \(reason)"
        case .otherLog(let origin, let expected): "the checkpoint is of the log \"\(origin)\", not \"\(expected)\""
        case .noSignature(let name): "the checkpoint carries no signature by the key \(name)"
        case .badSignature(let name): "the checkpoint's signature by \(name) does not verify: it was altered, or signed by another key"
        case .badKey(let reason): "not a verifier key: \(reason)"
        }
    }
}
