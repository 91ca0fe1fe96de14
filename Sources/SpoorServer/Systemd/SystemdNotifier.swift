import SpoorApplication
import Foundation
import Glibc
import SpoorProtocol

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
        _ = message.withCString { text in UnixSocketAddress.with(path: path) { sendto(fd, text, strlen(text), 0, $0, $1) } }
    }
}
