import Foundation
import Synchronization
import SpoorJSON
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The last checkpoint this server signed and the last one a witness reported keeping, in a file
/// beside the store (`last-checkpoints.json` in the data folder) rather than in it: a restored
/// store brings back its own past, not what was signed after its backup. The daemon holds the
/// store to them at start, and every checkpoint it signs to the last one signed, since a log must
/// never sign a checkpoint inconsistent with one it signed before (c2sp.org/tlog-checkpoint).
package final class LastCheckpoints: Sendable {
    package struct Kept: Codable, Sendable, Equatable {
        package var origin: String
        package var treeSize: UInt64
        /// The root, hex.
        package var root: String
        /// When it was kept, UTC.
        package var at: String
    }

    package struct Contents: Codable, Sendable, Equatable {
        package var signed: Kept?
        package var witnessed: Kept?
    }

    static let fileName = "last-checkpoints.json"
    let path: String
    private let contents: Mutex<Contents>

    /// Reads the file in `folder`; none yet is nothing kept. A file that does not read is an error
    /// naming it: guessing would let a restore pass unnoticed.
    package init(folder: String) throws(StoreError) {
        path = folder + "/" + Self.fileName
        guard FileManager.default.fileExists(atPath: path) else {
            contents = Mutex(Contents())
            return
        }
        guard let data = FileManager.default.contents(atPath: path), let json = try? JSONValue.parse(data),
            let kept = try? json.decode(as: Contents.self)
        else {
            throw .file(
                path: path,
                reason:
                    """
                    is not the record of the last checkpoints this server signed; restore it from a backup of the data folder, or move it aside \
                    if this store is new
                    """
            )
        }
        contents = Mutex(kept)
    }

    package var current: Contents { contents.withLock { $0 } }

    /// Keeps `head` as signed under `origin`, after checking that it extends the last one signed;
    /// a head that does not is refused, and nothing is signed.
    func sign(_ head: TreeHead, origin: String, base: String, ledger: Ledger) throws(StoreError) {
        try contents.withLock { contents throws(StoreError) in
            if let signed = contents.signed, let problem = Self.problem(of: ledger, at: head.size, with: signed, origin: origin, base: base) {
                throw .undeclaredRestore("will not sign a checkpoint of \(head.size) events: \(problem)")
            }
            guard contents.signed.map({ $0.origin != origin || $0.treeSize < head.size }) ?? true else { return }  // that head is kept already
            var next = contents
            next.signed = Kept(origin: origin, treeSize: head.size, root: head.root.hex, at: UTCStamp.now())
            try write(next)
            contents = next
        }
    }

    /// Keeps the checkpoint a witness reported keeping, when it is newer than the one kept.
    func witnessed(size: UInt64, root: ChainHash, origin: String) throws(StoreError) {
        try contents.withLock { contents throws(StoreError) in
            guard contents.witnessed.map({ $0.origin != origin || $0.treeSize < size }) ?? true else { return }
            var next = contents
            next.witnessed = Kept(origin: origin, treeSize: size, root: root.hex, at: UTCStamp.now())
            try write(next)
            contents = next
        }
    }

    /// What keeps the store from going on under `origin`: a checkpoint this server signed, or a
    /// witness kept, that the store does not hold. `nil` when it holds both.
    package func problem(of ledger: Ledger, origin: String, base: String) -> String? {
        let contents = current
        return [("signed", contents.signed), ("a witness kept", contents.witnessed)].lazy.compactMap { what, kept in
            kept.flatMap { Self.problem(of: ledger, at: ledger.lastPosition, with: $0, origin: origin, base: base) }.map {
                "this server \(what) \($0)"
            }
        }.first
    }

    /// Why a store of `size` events in the epoch `origin` names does not extend `kept`, or `nil`.
    /// A checkpoint of an earlier epoch binds nothing: its restore was declared.
    private static func problem(of ledger: Ledger, at size: UInt64, with kept: Kept, origin: String, base: String) -> String? {
        let described = "the checkpoint of \(kept.treeSize) events of \(kept.origin) (\(kept.at))"
        guard let keptEpoch = LogEpoch.number(of: kept.origin, base: base), let epoch = LogEpoch.number(of: origin, base: base) else {
            return "\(described), which names another log than \(origin)"
        }
        if keptEpoch < epoch { return nil }
        if keptEpoch > epoch { return "\(described), a later epoch than the store's \(origin)" }
        guard size >= kept.treeSize else { return "\(described), but the store holds \(size)" }
        guard let root = try? ledger.treeHead(size: kept.treeSize).root, root.hex == kept.root else {
            return "\(described), whose root the store does not have at that size"
        }
        return nil
    }

    private func write(_ next: Contents) throws(StoreError) {
        do { try AtomicFile.write(try JSONValue(encoding: next).serialized + [0x0A], to: path, mode: 0o600) } catch {
            throw .file(path: path, reason: "cannot be written: \(error); no checkpoint is signed until it can")
        }
    }
}
