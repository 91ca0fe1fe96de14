import Metrics
import Prometheus

/// The daemon's metrics: instruments through swift-metrics, kept by swift-prometheus's registry,
/// and written out in the Prometheus text format by the `metrics` method. The daemon has no
/// network; `spoorctl metrics` and the `spoor-metrics` timer hand the text to node_exporter.
enum DaemonMetrics {
    /// The process's registry, bound to swift-metrics once, before the first instrument is made.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let fast: [Duration] = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .seconds(1), .seconds(5),
        ]
        factory.defaultDurationHistogramBuckets = fast
        factory.valueHistogramBuckets["spoor_commit_batch_size"] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Binds swift-metrics to the registry; call before the ledger opens, whose writer makes instruments.
    static func bootstrap() { _ = registry }

    /// Every metric's help text, by name: swift-metrics has no place for it, and Prometheus wants one.
    static let help: [String: String] = [
        "spoor_requests_total": "Requests answered, by method and outcome (ok or the error code).",
        "spoor_request_duration_seconds": "Time from a request's decoding to its reply, by method.",
        "spoor_commands_total": "Domain commands, by command and outcome (recorded or the error code).",
        "spoor_denials_total": "Requests or commands refused for the caller's roles or ties, by method.",
        "spoor_commit_duration_seconds": "Duration of one durable LMDB commit: its batch applied, its pages written and synced.",
        "spoor_commit_sync_seconds": "The part of a commit that is LMDB's own: its dirty pages written, the data file and the meta page synced.",
        "spoor_commit_batch_size": "Appends per durable commit (group commit).",
        "spoor_connections": "Open client connections.",
        "spoor_log_position": "Position of the last durable event.",
        "spoor_projection_lag_events": "Events the case projection is behind the log (0: it is written with each append).",
        "spoor_undecodable_events": "Case events the last rebuild could not fold.",
        "spoor_store_bytes": "Bytes the store uses.",
        "spoor_map_bytes": "Bytes of the store's memory map (its current cap on growth before it remaps).",
        "spoor_map_used_ratio": "Share of the memory map in use.",
        "spoor_writes_stopped": "1 when the ledger stopped taking writes after an I/O error (see spoorctl status).",
        "spoor_log_lines_dropped": "Log lines the journal did not take.",
        "spoor_uptime_seconds": "Seconds since the daemon started.",
        "spoor_worklist_items": "Worklist items across every case, by kind.",
        "spoor_worklist_oldest_overdue_seconds": "How long the most overdue item of each kind is past its deadline, in whole days (0: none overdue).",
        "spoor_backups_total": "Backups taken, by outcome (verified, written unverified, unverified: failed its verification, failed).",
        "spoor_backup_verified": "1 when the last backup asked to verify did, 0 when it did not.",
        "spoor_backup_last_timestamp_seconds": "When the last backup was written, seconds since 1970.",
        "spoor_checkpoint_age_seconds": "Seconds since the last witnessed checkpoint (absent: none witnessed yet).",
        "spoor_checkpoint_consistent": "1 when the last witnessed checkpoint was proven consistent with the one before, 0 when not.",
    ]

    /// The registry's text with a `# HELP` line before each family's `# TYPE` line.
    static func exposition() -> String {
        var lines: [Substring] = []
        for line in registry.emitToString().split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE "), let name = line.dropFirst(7).split(separator: " ").first, let text = help[String(name)] {
                lines.append("# HELP \(name) \(text)")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
