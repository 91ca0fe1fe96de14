import Foundation

/// Runs long blocking work (a rebuild, a backup) on a thread of its own, so that it never holds
/// one of the few threads of Swift's cooperative pool that serve every request.
enum BlockingWork {
    static func run<T: Sendable>(_ name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = name
            thread.start()
        }
    }
}
