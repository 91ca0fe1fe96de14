import SpoorApplication
import Foundation
import Glibc

/// An exclusive lock on the data folder: the writer keeps the chain's head in memory, so a
/// second daemon on the same store would fork the chain. Held until the process exits.
struct StoreLock {
    private let fd: Int32

    init(folder: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw .file(path: folder, reason: "cannot be created: \(error.localizedDescription)")
        }
        let path = folder + "/spoord.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .file(path: path, reason: "cannot be opened: \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .file(path: folder, reason: "is in use by another spoord; stop it first")
        }
    }

    func release() { close(fd) }
}
