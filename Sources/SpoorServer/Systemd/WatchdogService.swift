import SpoorApplication
import Foundation
import Glibc
import ServiceLifecycle

/// Pings systemd's watchdog at half its interval (`WATCHDOG_USEC`), and only while the daemon
/// still answers: a hung daemon gets no ping and systemd restarts it.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration
    let isHealthy: @Sendable () -> Bool

    /// The watchdog systemd asked for, if any and if meant for this process.
    init?(
        notifier: SystemdNotifier, environment: [String: String] = ProcessInfo.processInfo.environment,
        isHealthy: @escaping @Sendable () -> Bool
    ) {
        guard notifier.isActive, let usec = environment["WATCHDOG_USEC"].flatMap(UInt64.init), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"].flatMap(Int32.init), pid != getpid() { return nil }
        self.notifier = notifier
        self.interval = .microseconds(Int64(usec / 2))
        self.isHealthy = isHealthy
    }

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if isHealthy() { notifier.watchdog() }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
