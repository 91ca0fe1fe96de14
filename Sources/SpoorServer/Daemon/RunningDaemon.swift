import Foundation
import SpoorApplication

/// The running daemon's vitals: its socket's connections, its journal's losses, its metrics' registry.
struct RunningDaemon: DaemonVitals {
    let statistics: ServerStatistics

    var openConnections: Int { statistics.openConnections }
    var startedAt: Date { statistics.startedAt }
    var droppedLogLines: Int { JournalLogHandler.droppedLines }
    func metricsExposition() -> String { DaemonMetrics.exposition() }
}
