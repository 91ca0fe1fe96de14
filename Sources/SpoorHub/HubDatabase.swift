import Logging
import PostgresNIO
import Synchronization

/// The hub's PostgreSQL: a primary with a synchronous standby (`synchronous_commit = remote_apply`),
/// among the hosts the configuration names. The hub finds the primary itself, the one host not
/// in recovery, and looks again after any failure, so that after a failover (Patroni, or
/// `pg_promote()`) it follows the promoted node without being told.
///
/// Every piece of work has a deadline: while the standby is away a commit waits for it, by
/// design, and the hub answers 503 with Retry-After rather than keep a relay waiting. A commit
/// given up at the deadline was never acknowledged; if PostgreSQL keeps it, the relay learns of
/// it at its next request (a 409 names the size the witness holds).
public final class HubDatabase: Sendable {
    /// One client per host, in the configuration's order.
    let clients: [(host: String, client: PostgresClient)]
    let deadline: Duration
    let logger: Logger
    private let primary = Mutex<Int?>(nil)

    public init(hosts: [(host: String, configuration: PostgresClient.Configuration)], deadline: Duration, logger: Logger) {
        clients = hosts.map { ($0.host, PostgresClient(configuration: $0.configuration, backgroundLogger: logger)) }
        (self.deadline, self.logger) = (deadline, logger)
    }

    /// Runs every host's connection pool until cancelled.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for (_, client) in clients { group.addTask { await client.run() } }
        }
    }

    /// Runs `work` on the primary within the deadline (or `limit`, for the migrations at start);
    /// a failure makes the next call look for the primary again.
    public func onPrimary<T: Sendable>(within limit: Duration? = nil, _ work: @escaping @Sendable (PostgresClient) async throws -> T) async throws
        -> T
    {
        do {
            let client = try await findPrimary()
            return try await Deadline.within(limit ?? deadline) { try await work(client) }
        } catch {
            primary.withLock { $0 = nil }
            throw error
        }
    }

    /// The cached primary, or the first host that answers and is not in recovery.
    private func findPrimary() async throws -> PostgresClient {
        if let index = primary.withLock({ $0 }) { return clients[index].client }
        var reasons: [String] = []
        for (index, (host, client)) in clients.enumerated() {
            do {
                let inRecovery = try await Deadline.within(deadline) {
                    for try await recovering in try await client.query("SELECT pg_is_in_recovery()", logger: self.logger).decode(Bool.self) {
                        return recovering
                    }
                    return true
                }
                if !inRecovery {
                    primary.withLock { $0 = index }
                    logger.notice("the primary is \(host)")
                    return client
                }
                reasons.append("\(host) is a standby")
            } catch {
                reasons.append("\(host): \(error)")
            }
        }
        throw NoPrimary(reasons: reasons)
    }

    /// No host answered as a primary: the hub answers 503 until one does.
    struct NoPrimary: Error, CustomStringConvertible {
        let reasons: [String]
        var description: String { "no PostgreSQL primary among the hosts: " + reasons.joined(separator: "; ") }
    }
}

/// Work raced against a deadline. The work runs in a task of its own that is cancelled, not
/// awaited, when the deadline passes, so that the caller is answered in time.
enum Deadline {
    struct Passed: Error, CustomStringConvertible {
        let after: Duration
        var description: String { "PostgreSQL did not answer within \(after) (a synchronous standby away?)" }
    }

    static func within<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        return try await withCheckedThrowingContinuation { continuation in
            race.waiting.withLock { $0 = continuation }
            let worker = Task {
                let result: Result<T, any Error>
                do { result = .success(try await work()) } catch { result = .failure(error) }
                race.finish(with: result)
                race.timer.withLock { $0?.cancel() }
            }
            race.timer.withLock {
                $0 = Task {
                    try? await Task.sleep(for: limit)
                    if race.finish(with: .failure(Passed(after: limit))) { worker.cancel() }
                }
            }
        }
    }

    /// Who resumes the caller first: the work or the timer.
    private final class Race<T: Sendable>: Sendable {
        let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)
        let timer = Mutex<Task<Void, Never>?>(nil)

        /// Resumes the caller unless it was resumed already; whether this did.
        @discardableResult
        func finish(with result: Result<T, any Error>) -> Bool {
            guard let continuation = waiting.withLock({ $0.take() }) else { return false }
            continuation.resume(with: result)
            return true
        }
    }
}
