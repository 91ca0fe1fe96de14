import NIOCore

/// Runs a connection's work on the event loop that reads the connection.
///
/// A request is then read, decoded, decided and sealed on one thread, and its reply written from
/// it, with no hop to Swift's task pool and back; the ledger's writer thread, which commits, resumes
/// the request here once its batch is durable. No sync runs here, nor a long read: commits are
/// the writer's; rebuilds, backups, a verification of the whole log and the methods that read
/// every case (the statistics, the case list, retention) have threads of their own (`BlockingWork`).
final class EventLoopExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
