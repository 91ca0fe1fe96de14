import Foundation
import SpoorLedger
import SpoorProof

/// Durable appends per second: `appenders` tasks, each appending one event at a time for
/// `seconds`, every append awaited until its batch is on disk.
func measureAppends(appenders: Int, seconds: Double, payloadSize: Int, in folder: String) async throws -> (rate: Double, eventsPerCommit: Double) {
    let ledger = try Ledger(path: folder)
    defer { ledger.close() }
    let metadata = AppendMetadata(actor: .init(uid: 1000, name: "bench"), role: "professional")
    let payload = [UInt8](repeating: UInt8(ascii: "x"), count: payloadSize)
    let start = now()
    let deadline = start + seconds
    let total = try await withThrowingTaskGroup(of: Int.self) { group in
        for appender in 0..<appenders {
            group.addTask {
                let stream = try StreamName("case-\(appender)")
                var count = 0
                while now() < deadline {
                    _ = try await ledger.append(
                        to: stream, events: [ProposedEvent(type: "signal-recorded", payload: payload)], metadata: metadata)
                    count += 1
                }
                return count
            }
        }
        return try await group.reduce(0, +)
    }
    let elapsed = now() - start
    let statistics = ledger.writeStatistics
    return (Double(total) / elapsed, Double(statistics.appends) / Double(max(statistics.commits, 1)))
}
