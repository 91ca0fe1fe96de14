import SpoorApplication
import Foundation
import Glibc
import Logging

/// The group whose members may connect, when spoord binds its socket itself rather than under
/// socket activation (where `spoord.socket` sets `SocketGroup=`): the configuration's
/// `socketGroup`, `spoor-admin` by default, so that the README's group works in both modes.
/// Development mode keeps the user's own group.
enum SocketGroup {
    static let standard = "spoor-admin"

    /// The group's id. A group the configuration named that does not exist is an error; the
    /// default one missing (a machine without the package's users) is `nil`, and said.
    static func resolve(_ configured: String?, logger: Logger) throws(ServerError) -> gid_t? {
        let name = configured ?? standard
        guard let entry = getgrnam(name) else {
            if configured != nil {
                throw .configuration(
                    path: "socketGroup",
                    reason:
                        """
                        names \(name), which is not a group on this machine: create it (systemd-sysusers spoor.conf creates spoor-admin) or name \
                        another
                        """
                )
            }
            logger.warning("the socket keeps the daemon's own group: there is no group \(name) (systemd-sysusers spoor.conf creates it)")
            return nil
        }
        return entry.pointee.gr_gid
    }

    /// Gives the socket at `path` to `group`; a failure is logged with its fix, and the socket
    /// stays the daemon's group's (0660 either way).
    static func apply(_ group: gid_t, to path: String, logger: Logger) {
        guard chown(path, uid_t.max, group) != 0 else { return }
        logger.error(
            "cannot give the socket \(path) to group \(group): \(String(cString: strerror(errno))); run spoord as root or as a member of that group")
    }
}
