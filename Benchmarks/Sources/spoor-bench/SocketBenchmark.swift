import Foundation
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Acknowledged commands through the socket: every request a real `open-case` decided by the
/// domain, appended durably and folded into the projection before the reply.
enum SocketBenchmark {
    static func openCase(_ id: String) -> JSONValue {
        [
            "case": .string(id), "command": "open-case",
            "body": [
                "unit": "north", "openedOn": "2026-01-05",
                "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 15],
                "personal": ["name": "Bench Mark", "birthDate": "2011-01-01"],
            ],
        ]
    }

    /// Acknowledged appends per second with `clients` connections, each sending its next
    /// command when the last is acknowledged, for `seconds`.
    static func throughput(socketPath: String, clients: Int, seconds: Double, run: Int) -> Double {
        requests(socketPath: socketPath, clients: clients, seconds: seconds) { client, count in
            (.caseCommand, openCase("t\(run)-\(clients)-\(client)-\(count)"))
        }
    }

    /// Acknowledged commands per second on cases that exist: each client first opens its case and
    /// records three signals, then records risk assessments on it, which keep its state's size. So
    /// each command reads, decides on and writes back a case as a week of work leaves it.
    static func existingCaseThroughput(socketPath: String, clients: Int, seconds: Double, run: Int) -> Double {
        let signal: JSONValue = [
            "formsOfExploitation": ["sexual"], "indicators": ["online"], "nature": "concrete",
            "observedOn": "2026-01-06", "source": "own-observation",
            "personal": ["text": "seen at the station with an older man"],
        ]
        let risk: JSONValue = ["instrument": "ris-l", "outcome": "high", "assessedOn": "2026-01-07", "nextDueOn": "2026-02-07"]
        @Sendable func caseID(_ client: Int) -> String { "e\(run)-\(clients)-\(client)" }
        _ = onThreads(clients) { client in
            guard let connection = try? SocketClient(socketPath: socketPath) else { return }
            _ = try? connection.call(.caseCommand, openCase(caseID(client)))
            for _ in 0..<3 { _ = try? connection.call(.caseCommand, ["case": .string(caseID(client)), "command": "record-signal", "body": signal]) }
        }
        return requests(socketPath: socketPath, clients: clients, seconds: seconds) { client, _ in
            (.caseCommand, ["case": .string(caseID(client)), "command": "record-risk-assessment", "body": risk])
        }
    }

    /// Replies per second with `clients` connections sending `request(client, count)` one after
    /// the other, for `seconds`.
    static func requests(
        socketPath: String, clients: Int, seconds: Double,
        _ request: @escaping @Sendable (Int, Int) -> (SpoorProtocol.Method, JSONValue)
    ) -> Double {
        let start = now(), deadline = start + seconds
        let counts = onThreads(clients) { client -> Int in
            guard let connection = try? SocketClient(socketPath: socketPath) else { return 0 }
            var count = 0
            while now() < deadline {
                let (method, params) = request(client, count)
                guard (try? connection.call(method, params)) != nil else { break }
                count += 1
            }
            return count
        }
        return Double(counts.reduce(0, +)) / (now() - start)
    }

    /// Latencies at a fixed offered load: `rate` requests per second spread over `clients`
    /// connections on a fixed schedule, each measured from its scheduled time (so a stall counts
    /// against every request it delays: no coordinated omission).
    static func latencies(socketPath: String, rate: Double, clients: Int, seconds: Double) -> [Double] {
        let interval = Double(clients) / rate
        let start = now() + 0.05
        return onThreads(clients) { client -> [Double] in
            guard let connection = try? SocketClient(socketPath: socketPath) else { return [] }
            var samples: [Double] = []
            var next = start + interval * Double(client) / Double(clients)
            while next < start + seconds {
                let wait = next - now()
                if wait > 0 { usleep(UInt32(wait * 1e6)) }
                _ = try? connection.call(.caseCommand, openCase("l-\(client)-\(samples.count)"))
                samples.append(now() - next)
                next += interval
            }
            return samples
        }.flatMap { $0 }.sorted()
    }

    /// Fills a store with `events` valid case events, ten per case (an opening, nine signals), straight through the ledger.
    static func fill(folder: String, events: Int) async throws {
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        let metadata = AppendMetadata(actor: .init(uid: getuid(), name: "bench"), role: "professional")
        let cases = events / 10
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<64 {
                group.addTask {
                    for number in stride(from: worker, to: cases, by: 64) {
                        let id = "m\(number)"
                        var batch = [
                            ProposedEvent(
                                type: "case-opened",
                                payload: Array(
                                    (#"""
                                    {"caseID":"\#(id)","openedOn":"2026-01-05","unit":"north","youth":{"ageAtOpening":15,"gender":"female",\#
                                    "nationalityGroup":"dutch"}}
                                    """#)
                                    .utf8))
                        ]
                        for signal in 1...9 {
                            batch.append(
                                ProposedEvent(
                                    type: "signal-recorded",
                                    payload: Array(
                                        (#"""
                                        {"formsOfExploitation":["sexual"],"indicators":["online"],"nature":"concrete","observedOn":"2026-01-06",\#
                                        "personal":{"text":"seen at the station with an older man"},"signalID":"signal-\#(signal)",\#
                                        "source":"own-observation"}
                                        """#)
                                        .utf8)))
                        }
                        _ = try await ledger.append(to: try StreamName("case-\(id)"), expectedVersion: .noStream, events: batch, metadata: metadata)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Runs the `parts` asked for (throughput, existing, status, latency, memory), the throughputs
    /// with each of `clients`.
    /// `daemonCPU` confines the daemon to that CPU (run the benchmark itself under `taskset` on the others).
    static func run(
        spoord: String, root: String, runs: Int, seconds: Double, events: Int, clients: [Int], parts: Set<String>,
        daemonCPU: Int?
    ) async throws {
        print("socket benchmark: spoord \(spoord)\(daemonCPU.map { " on CPU \($0) alone" } ?? ""), medians of \(runs) runs")
        let folder = root + "/socket"
        let daemon = try DaemonUnderTest(executable: spoord, folder: folder, cpu: daemonCPU)
        for clients in parts.contains("throughput") ? clients : [] {
            var rate = Measurement(name: "acknowledged appends, \(clients) clients", unit: "appends/s")
            var cpu = Measurement(name: "  daemon CPU per append", unit: "µs")
            var clientCPU = Measurement(name: "  the clients' CPU per append", unit: "µs")
            for run in 0..<runs {
                let (before, clientsBefore) = (daemon.cpuSeconds, ownCPUSeconds())
                let appends = throughput(socketPath: daemon.socketPath, clients: clients, seconds: seconds, run: run)
                rate.samples.append(appends)
                cpu.samples.append((daemon.cpuSeconds - before) / (appends * seconds) * 1e6)
                clientCPU.samples.append((ownCPUSeconds() - clientsBefore) / (appends * seconds) * 1e6)
            }
            print(rate.line)
            print(cpu.line)
            print(clientCPU.line)
        }
        for clients in parts.contains("existing") ? clients : [] {
            var rate = Measurement(name: "commands on a case with 3 signals, \(clients) clients", unit: "appends/s")
            var cpu = Measurement(name: "  daemon CPU per append", unit: "µs")
            for run in 0..<runs {
                let before = daemon.cpuSeconds
                let appends = existingCaseThroughput(socketPath: daemon.socketPath, clients: clients, seconds: seconds, run: run)
                rate.samples.append(appends)
                cpu.samples.append((daemon.cpuSeconds - before) / (appends * seconds) * 1e6)
            }
            print(rate.line)
            print(cpu.line)
        }
        var status = Measurement(name: "status requests (no append: the transport's ceiling), 64 clients", unit: "replies/s")
        var statusCPU = Measurement(name: "  daemon CPU per reply", unit: "µs")
        for _ in 0..<(parts.contains("status") ? runs : 0) {
            let before = daemon.cpuSeconds
            let replies = requests(socketPath: daemon.socketPath, clients: 64, seconds: seconds) { _, _ in (.status, [:]) }
            status.samples.append(replies)
            statusCPU.samples.append((daemon.cpuSeconds - before) / (replies * seconds) * 1e6)
        }
        if !status.samples.isEmpty {
            print(status.line)
            print(statusCPU.line)
        }
        if parts.contains("latency") {
            let samples = latencies(socketPath: daemon.socketPath, rate: 1_000, clients: 8, seconds: max(seconds * 2, 5))
            func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] * 1_000 }
            print(
                String(
                    format: "latency at 1,000 requests/s (8 clients, %d requests): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    samples.count, percentile(0.5), percentile(0.99), samples.last.map { $0 * 1_000 } ?? 0))
        }
        daemon.stop()
        if parts.contains("memory") { try await memory(spoord: spoord, root: root, events: events) }
    }

    /// The daemon's memory, restart time and scans with `events` stored.
    static func memory(spoord: String, root: String, events: Int) async throws {
        let large = root + "/memory"
        let fillStart = now()
        try await fill(folder: large + "/data", events: events)
        print(String(format: "filled %d events (%d cases) in %.1f s", events, events / 10, now() - fillStart))
        let foldStart = now()
        let full = try DaemonUnderTest(executable: spoord, folder: large)
        print(String(format: "spoord started on it (the ledger filled it without a projection: rebuilt at start) in %.1f s", now() - foldStart))
        let connections = (0..<64).compactMap { _ in try? SocketClient(socketPath: full.socketPath) }
        for connection in connections { _ = try? connection.call(.status) }
        print(
            String(
                format: "RssAnon with %d events stored and %d clients connected: %.1f MiB", events, connections.count,
                Double(full.anonymousMemory) / 1_048_576))
        full.stop()

        let restartStart = now()
        let restarted = try DaemonUnderTest(executable: spoord, folder: large)
        print(String(format: "spoord restarted on it (projection stored) in %.2f s", now() - restartStart))
        let clients = (0..<64).compactMap { _ in try? SocketClient(socketPath: restarted.socketPath) }
        for connection in clients { _ = try? connection.call(.status) }
        print(
            String(format: "RssAnon after the restart, %d clients connected: %.1f MiB", clients.count, Double(restarted.anonymousMemory) / 1_048_576))
        for (name, method, params) in [
            ("worklist", SpoorProtocol.Method.worklist, JSONValue.object([:])), ("stats by form", .stats, ["by": ["form"]]),
        ] {
            let started = now()
            _ = try clients[0].call(method, params)
            print(
                String(
                    format: "%@ over %d cases: %.2f s; RssAnon after it %.1f MiB", name, events / 10, now() - started,
                    Double(restarted.anonymousMemory) / 1_048_576))
        }
        restarted.stop()
    }
}
