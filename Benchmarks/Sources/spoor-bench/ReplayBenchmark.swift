import Foundation
import SpoorLedger
import SpoorProof

/// Fills a ledger with `count` events of `payloadSize` bytes, in large appends to save time.
func fillLedger(at folder: String, count: Int, payloadSize: Int) async throws {
    let ledger = try Ledger(path: folder)
    defer { ledger.close() }
    let metadata = AppendMetadata(actor: .init(uid: 1000, name: "bench"), role: "professional")
    let payload = [UInt8](repeating: UInt8(ascii: "x"), count: payloadSize)
    let perAppend = 1_000
    try await withThrowingTaskGroup(of: Void.self) { group in
        for appender in 0..<4 {
            group.addTask {
                let stream = try StreamName("case-\(appender)")
                for _ in stride(from: appender * perAppend, to: count, by: 4 * perAppend) {
                    let events = (0..<perAppend).map { _ in ProposedEvent(type: "signal-recorded", payload: payload) }
                    _ = try await ledger.append(to: stream, events: events, metadata: metadata)
                }
            }
        }
        try await group.waitForAll()
    }
}

/// Events per second read and decoded from position 1 to the end, as a projection rebuild reads them.
func measureReplay(at folder: String, chunkSize: Int = 4_096) throws -> (rate: Double, events: Int) {
    let ledger = try Ledger(path: folder)
    defer { ledger.close() }
    var position: UInt64 = 1
    var events = 0
    var checksum = 0
    let start = now()
    while true {
        let chunk = try ledger.read(from: position, limit: chunkSize)
        guard let last = chunk.last else { break }
        for event in chunk { checksum &+= event.payload.count }
        events += chunk.count
        position = last.position + 1
    }
    let elapsed = now() - start
    precondition(checksum > 0)
    return (Double(events) / elapsed, events)
}

/// Events per second through a full verification: decode, rehash, chain and index checks.
func measureVerification(at folder: String) throws -> Double {
    let ledger = try Ledger(path: folder)
    defer { ledger.close() }
    let start = now()
    let report = try ledger.verify()
    precondition(report.isIntact, "\(report)")
    return Double(report.eventsVerified) / (now() - start)
}

/// Microseconds per stream read with 255 events past the stream index (the most the default lag
/// leaves): the last 5 events of a stream that is all indexed (its index, then a scan of the
/// whole tail for more), and the last 10 events of a stream that is all in the tail. Appends the
/// tail to the filled ledger first, so run it last, once.
func measureStreamReads(at folder: String, samples: Int = 2_000) async throws -> (indexed: Double, tail: Double) {
    var configuration = LedgerConfiguration()
    configuration.streamIndexLag = 100_000  // so that the tail stays in the tail
    let ledger = try Ledger(path: folder, configuration: configuration)
    defer { ledger.close() }
    let metadata = AppendMetadata(actor: .init(uid: 1000, name: "bench"), role: "professional")
    let tailStream = try StreamName("case-tail")
    for _ in 0..<255 {
        _ = try await ledger.append(
            to: tailStream, events: [ProposedEvent(type: "signal-recorded", payload: [UInt8](repeating: 120, count: 600))], metadata: metadata)
    }
    func perRead(_ stream: StreamName, last count: UInt64) throws -> Double {
        let from = try ledger.version(of: stream)! + 1 - count
        let start = now()
        for _ in 0..<samples {
            let events = try ledger.read(stream: stream, from: from, limit: 10)
            precondition(events.count == count)
        }
        return (now() - start) / Double(samples) * 1e6
    }
    return (try perRead(try StreamName("case-0"), last: 5), try perRead(tailStream, last: 10))
}
