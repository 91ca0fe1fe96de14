import Foundation
import Logging
import Metrics
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Hot backups: a compacting copy of the store, written by the daemon into a folder it may write,
/// and, when asked, proven to restore: opened as a store, its chain and tree recomputed, its
/// master key checked, and its tree held to the last witnessed checkpoint. With `keep`, the copies
/// are kept one folder each and the oldest go once a new one verified.
package struct BackupHandler: Sendable {
    let ledger: Ledger
    let keys: CaseKeys
    let logger: Logger

    static let folderPrefix = "spoor-"

    func backup(_ params: BackupParams) async throws -> JSONValue {
        guard params.path.hasPrefix("/") else { throw WireError(.invalidField, "must be an absolute path", field: "path") }
        if let keep = params.keep, keep < 1 { throw WireError(.invalidField, "keep at least 1", field: "keep") }
        let target = params.keep == nil ? params.path : "\(params.path)/\(Self.folderPrefix)\(UTCStamp.now())"
        do {
            try await BlockingWork.run("spoor-backup") { [ledger] in try ledger.backup(to: target) }
        } catch {
            Self.count("failed")
            throw WireError(.invalidField, "cannot back up to \(target): \(error)", field: "path")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: target + "/data.mdb")[.size] as? Int) ?? 0
        var result = BackupReply(path: target, bytes: size, lastPosition: ledger.lastPosition)
        if params.verify == true {
            do {
                result.verified = try await BlockingWork.run("spoor-backup") { try verify(copy: target) }
            } catch {
                Self.count("unverified")
                Gauge(label: "spoor_backup_verified").record(0)
                logger.error("backup \(target) does not verify: \(error)")
                throw WireError(.internal, "the backup in \(target) does not verify: \(error); it is kept for inspection, and older backups stay")
            }
            Gauge(label: "spoor_backup_verified").record(1)
        }
        if let keep = params.keep { result.removed = try prune(params.path, keeping: keep) }
        Self.count(params.verify == true ? "verified" : "written")
        Gauge(label: "spoor_backup_last_timestamp_seconds").record(Date().timeIntervalSince1970.rounded())
        logger.notice("backup written to \(target) up to position \(ledger.lastPosition)\(params.verify == true ? ", verified" : "")")
        return try JSONValue(encoding: result)
    }

    /// Opens the copy as a store and checks what a restore needs: every hash of its chain and
    /// tree, the master key in force opening it, and its tree at the last witnessed checkpoint
    /// having that checkpoint's root.
    func verify(copy path: String) throws -> BackupReply.Verification {
        let copy = try Ledger(path: path)
        defer { copy.close() }
        let report = try copy.verify()
        guard report.isIntact else { throw BackupFailure(reason: "its log \(report)") }
        guard try keys.masterKeyOpens(copy) else { throw BackupFailure(reason: "the master key in force does not open it") }
        let head = try copy.treeHead()
        var verified = BackupReply.Verification(eventsVerified: report.eventsVerified, treeSize: head.size, root: head.root.hex, checkpoint: nil)
        if let witnessed = try WitnessedCheckpoint.last(in: ledger), witnessed.treeSize <= head.size {
            guard try copy.treeHead(size: witnessed.treeSize).root.hex == witnessed.root else {
                throw BackupFailure(
                    reason: "its tree of \(witnessed.treeSize) events does not have the root of the checkpoint witnessed at that size")
            }
            verified.checkpoint = .init(treeSize: witnessed.treeSize, root: witnessed.root)
        }
        return verified
    }

    /// Removes the oldest `spoor-<time>` folders in `folder` beyond the newest `keep`; returns their paths.
    private func prune(_ folder: String, keeping keep: Int) throws -> [String] {
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(Self.folderPrefix) }.sorted()
        let old = copies.dropLast(keep).map { "\(folder)/\($0)" }
        for path in old { try FileManager.default.removeItem(atPath: path) }
        return old
    }

    private static func count(_ outcome: String) { Counter(label: "spoor_backups_total", dimensions: [("outcome", outcome)]).increment() }

    package init(ledger: Ledger, keys: CaseKeys, logger: Logger) {
        self.ledger = ledger
        self.keys = keys
        self.logger = logger
    }
}

/// Why a backup does not verify.
struct BackupFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
