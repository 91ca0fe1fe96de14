import Foundation
import Glibc
import SpoorProtocol

/// A datagram socket standing in for systemd's notification socket: collects what the daemon says.
final class NotifySocket {
    let path: String
    private let fd: Int32

    init(folder: String) throws {
        path = folder + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let bound = UnixSocketAddress.with(path: path) { bind(fd, $0, $1) }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Reads messages until one contains `needle` or `timeout` passes; returns all read.
    func messages(until needle: String, timeout: Double = 10) -> [String] {
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            let message = String(decoding: buffer[..<count], as: UTF8.self)
            seen.append(message)
            if message.contains(needle) { break }
        }
        return seen
    }
}
