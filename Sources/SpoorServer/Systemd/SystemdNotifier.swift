import Foundation
import Glibc

/// sd_notify(3) without libsystemd: datagrams to `$NOTIFY_SOCKET` saying READY, STATUS, WATCHDOG
/// and STOPPING. Does nothing when the daemon is not run by systemd.
public struct SystemdNotifier: Sendable {
    private let path: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isActive: Bool { path != nil }

    func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    func status(_ text: String) { send("STATUS=\(text)") }
    func watchdog() { send("WATCHDOG=1") }
    /// Asks for more time to start: a long start-up step still shows progress.
    func extendStartTimeout(by duration: Duration, status: String) {
        send("EXTEND_TIMEOUT_USEC=\(duration.components.seconds * 1_000_000)\nSTATUS=\(status)")
    }
    func stopping() { send("STOPPING=1\nSTATUS=draining requests and closing the store") }

    /// Sends `message`; a lost notification is not worth failing the daemon for.
    func send(_ message: String) {
        guard let path else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        // A leading '@' names an abstract socket, whose name starts with a NUL byte.
        let bytes = Array(path.utf8.enumerated().map { $0.offset == 0 && $0.element == UInt8(ascii: "@") ? 0 : $0.element })
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        _ = message.withCString { text in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, text, strlen(text), 0, $0, length) }
            }
        }
    }
}
