import Foundation

/// What only the running daemon knows of itself, for `status` and `metrics`: its transport's open
/// connections, when it started, the log lines it dropped, and its metrics in Prometheus's text.
package protocol DaemonVitals: Sendable {
    var openConnections: Int { get }
    var startedAt: Date { get }
    var droppedLogLines: Int { get }
    func metricsExposition() -> String
}
