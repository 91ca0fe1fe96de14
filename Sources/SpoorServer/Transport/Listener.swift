import Foundation
import Glibc

/// Where the daemon listens: a socket it binds itself, or one systemd bound and handed over.
public enum Listener: Sendable, Equatable {
    case path(String)
    /// A listening socket passed by systemd (`LISTEN_FDS`), with the path it is bound to if known.
    case activated(fd: Int32, name: String)

    /// The socket systemd passed to this process, if any (sd_listen_fds(3)). Takes the one named
    /// `spoor` (`FileDescriptorName=`), else the first; clears the variables so children do not
    /// inherit them.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServerError) -> Listener? {
        guard let count = environment["LISTEN_FDS"].flatMap(Int32.init), count > 0 else { return nil }
        guard environment["LISTEN_PID"].flatMap(Int32.init) == getpid() else {
            throw .socketActivation("LISTEN_PID is \(environment["LISTEN_PID"] ?? "unset"), not this process (\(getpid()))")
        }
        let names = (environment["LISTEN_FDNAMES"] ?? "").split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let index = names.firstIndex(of: "spoor").map(Int32.init) ?? 0
        guard index < count else { throw .socketActivation("LISTEN_FDNAMES names more sockets than LISTEN_FDS passed") }
        let fd = 3 + index  // SD_LISTEN_FDS_START
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0, type == Int32(SOCK_STREAM.rawValue) else {
            throw .socketActivation("descriptor \(fd) is not a stream socket")
        }
        for name in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] { unsetenv(name) }
        return .activated(fd: fd, name: index < names.count ? names[Int(index)] : "fd \(fd)")
    }

    var description: String {
        switch self {
        case .path(let path): path
        case .activated(let fd, let name): "\(name) (fd \(fd), from systemd)"
        }
    }
}
