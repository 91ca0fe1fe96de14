import Foundation
import Glibc

/// Writes a file so that a reader sees the old one or the new one, never half of either: a
/// temporary file beside it, synced, renamed over it, and the folder synced. Both sides write
/// such files: spoorctl its proofs and checkpoints, the daemon the checkpoints it signed.
public enum AtomicFile {
    /// A file that could not be written: exit 73 (EX_CANTCREAT), with the path and the reason.
    public struct Failure: Error, CustomStringConvertible {
        /// The path and the reason.
        public let description: String
    }

    /// Writes `bytes` to `path` with `mode`, whole or not at all; throws ``Failure`` saying why not.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = "\(folder)/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return fchmod(fd, mode) == 0 && fsync(fd) == 0
        }
        let error = errno
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(ok ? errno : error)))")
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }
}
