import Foundation
import Logging
import Metrics
import ServiceLifecycle
import SpoorDomain
import SpoorLedger
import SpoorProtocol

/// The admin's methods: status, metrics, the log's tail, a projection rebuild and a master key rotation.
package struct AdminHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let keys: CaseKeys
    let vitals: any DaemonVitals
    let system: SystemStream
    let logger: Logger

    /// The most events one `events.tail` page holds.
    static let maxTailLimit = 1_000

    /// The daemon's health as it is now: what `status` answers and the metrics' gauges read.
    private struct Health {
        var lastPosition: UInt64, undecodable: Int, storeBytes: Int, mapBytes: Int, clients: Int, uptimeSeconds: Double
        var droppedLogLines: Int, writesStopped: String?
    }

    private func health() throws -> Health {
        Health(
            lastPosition: ledger.lastPosition, undecodable: try projections.undecodableAtLastRebuild() ?? 0, storeBytes: ledger.usedBytes,
            mapBytes: ledger.mapSize, clients: vitals.openConnections,
            uptimeSeconds: Date().timeIntervalSince(vitals.startedAt).rounded(), droppedLogLines: vitals.droppedLogLines,
            writesStopped: ledger.writesStoppedBecause)
    }

    func status() throws -> JSONValue {
        let health = try health()
        return try JSONValue(
            encoding: StatusReply(
                version: WireProtocol.softwareVersion, protocol: WireProtocol.version, lastPosition: health.lastPosition,
                projectionPosition: health.lastPosition, undecodableEvents: health.undecodable, storeBytes: Int(health.storeBytes),
                mapBytes: Int(health.mapBytes), clients: health.clients, uptimeSeconds: health.uptimeSeconds,
                droppedLogLines: Int(health.droppedLogLines), writesStopped: health.writesStopped))
    }

    /// The metrics in the Prometheus text format: the instruments kept as requests and commits
    /// go, and the readings taken now (store, clients, worklist, checkpoints).
    func metrics() async throws -> JSONValue {
        func gauge(_ label: String, _ value: Double, _ dimensions: [(String, String)] = []) {
            Gauge(label: label, dimensions: dimensions).record(value)
        }
        let health = try health()
        gauge("spoor_connections", Double(health.clients))
        gauge("spoor_log_position", Double(health.lastPosition))
        gauge("spoor_projection_lag_events", 0)  // written in each append's transaction
        gauge("spoor_undecodable_events", Double(health.undecodable))
        gauge("spoor_store_bytes", Double(health.storeBytes))
        gauge("spoor_map_bytes", Double(health.mapBytes))
        gauge("spoor_map_used_ratio", Double(health.storeBytes) / Double(max(health.mapBytes, 1)))
        gauge("spoor_writes_stopped", health.writesStopped == nil ? 0 : 1)
        gauge("spoor_log_lines_dropped", Double(health.droppedLogLines))
        gauge("spoor_uptime_seconds", health.uptimeSeconds)
        let today = Day.today
        // The cases with overdue items, from the worklist's index: a range read up to today.
        let items = Worklist.items(for: try projections.digestsListed(through: today), on: today, filter: .init(overdueOnly: true))
        let byKind = Dictionary(grouping: items, by: \.kind)
        for kind in Worklist.Item.Kind.allCases {
            let ofKind = byKind[kind] ?? []
            let overdue = ofKind.compactMap { $0.dueOn.map { today.ordinal - $0.ordinal } }.max() ?? 0
            gauge("spoor_worklist_items", Double(ofKind.count), [("kind", kind.rawValue)])
            gauge("spoor_worklist_oldest_overdue_seconds", Double(max(overdue, 0) * 86_400), [("kind", kind.rawValue)])
        }
        if let witnessed = try WitnessedCheckpoint.last(in: ledger) {
            gauge("spoor_checkpoint_age_seconds", (Date().timeIntervalSince1970 - Double(witnessed.recordedAtMicroseconds) / 1e6).rounded())
            gauge("spoor_checkpoint_consistent", witnessed.consistent ? 1 : 0)
        }
        return try JSONValue(encoding: MetricsReply(text: vitals.metricsExposition()))
    }

    /// Sends events from a position as `done: false` lines; without `follow` it ends after one
    /// page, with `follow` it goes on with each commit until the client leaves or the daemon stops.
    func tail(_ params: TailParams, _ id: String, _ reply: @escaping Dispatcher.Reply) async throws -> JSONValue {
        let limit = params.limit ?? 100
        guard (1...Self.maxTailLimit).contains(limit) else {
            throw WireError(.invalidField, "must be between 1 and \(Self.maxTailLimit)", field: "limit")
        }
        let last = ledger.lastPosition
        var next = params.from ?? (last >= UInt64(limit) ? last - UInt64(limit) + 1 : 1)
        if params.follow == true {
            // A follower waits for commits forever: graceful shutdown must end it, or draining would wait on it.
            next = try await cancelWhenGracefulShutdown { [ledger, next] in
                var position = next
                for try await event in ledger.subscribe(from: position) {
                    try await reply(.success(id, try JSONValue(encoding: EventRecord(sealing: event)), done: false))
                    position = event.position + 1
                }
                return position
            }
        } else {
            for event in try ledger.read(from: next, limit: limit) {
                try await reply(.success(id, try JSONValue(encoding: EventRecord(sealing: event)), done: false))
                next = event.position + 1
            }
        }
        return try JSONValue(encoding: TailEnd(next: next))
    }

    /// Refolds every projection from the first event aside and swaps it in, sending progress
    /// lines; the daemon keeps serving from the old projection meanwhile.
    func rebuild(_ id: String, _ reply: Dispatcher.Reply) async throws -> JSONValue {
        let started = Date()
        let (progress, continuation) = AsyncStream.makeStream(of: (UInt64, UInt64).self, bufferingPolicy: .bufferingNewest(1))
        let work = Task { [projections] in
            defer { continuation.finish() }
            return try await BlockingWork.run("spoor-rebuild") { try projections.rebuild { continuation.yield(($0, $1)) } }
        }
        for await (applied, target) in progress {
            try await reply(.success(id, try JSONValue(encoding: RebuildProgress(applied: applied, target: target)), done: false))
        }
        let (position, undecodable) = try await work.value
        if undecodable > 0 { logger.warning("projection rebuild: \(undecodable) case events did not decode") }
        return try JSONValue(encoding: RebuildReply(applied: position, seconds: (Date().timeIntervalSince(started) * 1_000).rounded() / 1_000))
    }

    /// Rewraps every data key under the master key in `newKeyPath`; the old key opens nothing after.
    /// The blind index of youths is keyed under the master key, so the projection is rebuilt with
    /// the new one before the reply.
    func rotateKeys(_ params: RotateParams, _ caller: Caller) async throws -> JSONValue {
        let new: MasterKey
        do { new = try MasterKey.load(path: params.newKeyPath) } catch {
            throw WireError(.invalidField, error.description, field: "newKeyPath")
        }
        let rewrapped = try keys.rotate(to: new)
        try await system.record("master-key-rotated", ["dataKeys": .number(Double(rewrapped))], by: caller)
        _ = try await BlockingWork.run("spoor-rebuild") { [projections] in try projections.rebuild { _, _ in } }
        logger.notice(
            """
            master key rotated: \(rewrapped) data keys rewrapped; install the new key as the credential \(MasterKey.credentialName) before the \
            next start
            """
        )
        return try JSONValue(encoding: RotateReply(rewrapped: rewrapped))
    }

    package init(ledger: Ledger, projections: CaseProjection, keys: CaseKeys, vitals: any DaemonVitals, system: SystemStream, logger: Logger) {
        self.ledger = ledger
        self.projections = projections
        self.keys = keys
        self.vitals = vitals
        self.system = system
        self.logger = logger
    }
}
