import SpoorApplication
import Foundation
import SpoorLedger

/// The log's name in its checkpoints (c2sp.org/tlog-checkpoint: a schema-less URL, unique among
/// the logs a verifier follows). The store keeps the name it was first given, in the store itself:
/// every auditor's verifier key and checkpoint name it, so a configuration that names it otherwise
/// later is refused rather than followed.
enum LogOrigin {
    /// The name stores signed with before they kept one: `spoor/` and the host's short name.
    static var hostDefault: String { "spoor/" + (ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "log") }

    /// The store's name: the one it keeps; else, for a store that signed before names were kept,
    /// the configured `logOrigin` or the host's default it signed with then; else, for a new
    /// store, `logOrigin` or `<domain>/spoor`. Kept from now on.
    static func settle(_ configuration: ServerConfiguration, file: String, ledger: Ledger) throws -> String {
        let kept: String?
        do { kept = try ledger.origin() } catch {
            throw StoreError.file(path: configuration.dataDirectory, reason: "cannot read the log's name: \(error)")
        }
        if let kept {
            if let configured = configuration.logOrigin, configured != kept {
                throw ServerError.configuration(
                    path: file,
                    reason:
                        """
                        names the log \(configured), but the store's log is named \(kept) for good (its checkpoints and every auditor's key name \
                        it): set logOrigin to \(kept), or leave it out
                        """
                )
            }
            return kept
        }
        let origin: String
        if ledger.lastPosition > 0 {
            origin = configuration.logOrigin ?? hostDefault  // what it signed with before it kept its name
        } else if let named = configuration.logOrigin ?? configuration.domain.map({ "\($0)/spoor" }) {
            origin = named
        } else {
            throw ServerError.configuration(
                path: file,
                reason:
                    """
                    names no log: set domain (the institution's DNS domain, e.g. jeugdzorg-noord.nl, which names the log \
                    jeugdzorg-noord.nl/spoor) or logOrigin; a log keeps its name for good
                    """
            )
        }
        try check(origin, file: file)
        do { try ledger.name(origin: origin) } catch {
            throw StoreError.file(path: configuration.dataDirectory, reason: "cannot keep the log's name: \(error)")
        }
        return origin
    }

    /// A name a checkpoint can carry: printable, without spaces or `+` (the signed note's key name).
    static func check(_ origin: String, file: String) throws {
        guard !origin.isEmpty, origin.utf8.count <= 255, origin.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "+" }) else {
            throw ServerError.configuration(
                path: file,
                reason:
                    """
                    names the log \"\(origin)\": a log's name is printable ASCII without spaces or +, as a schema-less URL \
                    (jeugdzorg-noord.nl/spoor)
                    """
            )
        }
    }
}
