import NIOCore

/// Runs a connection's work on the event loop that reads the connection.
///
/// A request is then read, decoded, decided and sealed on one thread, and its reply written from
/// it, with no hop to Swift's task pool and back; the ledger's writer thread, which commits, resumes
/// the request here once its batch is durable. No sync runs here: commits are the writer's,
/// rebuilds, backups and a verification of the whole log have threads of their own
/// (`BlockingWork`). The statistics, which still read every case, hold their loop while they
/// run, as they held one of the two threads of Swift's pool before.
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
