import Foundation
import Synchronization

/// Blocking clients on real threads: the test's cooperative pool has as few threads as the
/// machine has cores, too few for many clients that block on a socket.
enum Concurrently {
    /// Runs `body(index)` on `threads` threads, calls `interrupt` after `delay` seconds, and
    /// returns every result once all threads are done.
    static func run<T: Sendable>(
        threads: Int, after delay: Double = .infinity, _ interrupt: @escaping @Sendable () -> Void = {},
        _ body: @escaping @Sendable (Int) -> T
    ) -> [T] {
        let results = Mutex<[T]>([])
        let group = DispatchGroup()
        for index in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                let result = body(index)
                results.withLock { $0.append(result) }
                group.leave()
            }
        }
        if delay.isFinite, group.wait(timeout: .now() + delay) == .timedOut { interrupt() }
        group.wait()
        return results.withLock { $0 }
    }
}
