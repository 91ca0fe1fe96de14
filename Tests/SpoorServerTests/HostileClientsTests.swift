import Foundation
import SpoorProtocol
import SpoorTestSupport
import Testing

/// Hostile clients at once against the live daemon: random bytes, invalid UTF-8, a frame of
/// 1 MiB + 1, 10,000-deep nesting, a 10,000-digit number, a half line that stalls, clients that
/// never read their replies, and connections up to the limit and one past it. Each gets its typed
/// error or is refused; an honest client is served throughout. Its latency is printed (a figure
/// for RELIABILITY.md, measured by `make reliability`), not asserted: timing is a benchmark's job.
@Suite("Hostile clients against the live daemon", .serialized)
struct HostileClientsTests {
    @Test func everyHostileClientGetsItsErrorAndTheHonestOneIsServed() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        func line(_ text: String) -> Data { Data((text + "\n").utf8) }
        func errorCode(after data: Data) throws -> ErrorCode? {
            let client = try daemon.client()
            try client.send(data)
            return try client.readResponse().error?.code
        }
        var rng = SeededGenerator(state: 17)
        let garbage = Data((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &rng) }.map { $0 == 10 ? 32 : $0 }) + Data([10])
        #expect(try errorCode(after: garbage) == .badRequest)
        #expect(try errorCode(after: Data([0xC3, 0x28, 0xFF, 10])) == .badRequest)
        #expect(try errorCode(after: Data(repeating: UInt8(ascii: "x"), count: WireProtocol.maxFrameBytes + 1) + Data([10])) == .frameTooLarge)
        #expect(try errorCode(after: line(String(repeating: "[", count: 10_000))) == .badRequest)
        #expect(
            try errorCode(after: line(#"{"v":1,"id":"n","method":"worklist","params":{"limit":"# + String(repeating: "9", count: 10_000) + "}}"))
                != nil)

        // Held open while the honest client works: a stalled half line, and clients that never read.
        let stalled = try daemon.client()
        try stalled.send(Data(#"{"v":1,"id":"half","method":"sta"#.utf8))
        var deaf: [SocketClient] = []
        let requests = (0..<2_000).reduce(into: Data()) { data, _ in data += line(#"{"v":1,"id":"d","method":"status"}"#) }
        for _ in 0..<3 {
            let client = try daemon.client()
            // Sent from a thread of its own: once the replies fill the socket, the daemon stops
            // reading this client, and the send waits until the daemon stops.
            nonisolated(unsafe) let unread = client
            Thread.detachNewThread { try? unread.send(requests) }
            deaf.append(client)
        }
        var idle: [SocketClient] = []
        while idle.count < 256 - 1 - deaf.count - 1 { idle.append(try daemon.client()) }  // the stalled, deaf, idle and honest clients fill the 256
        let honest = try daemon.client()
        _ = try honest.call(.status)
        #expect(try errorCode(after: line(#"{"v":1,"id":"x","method":"status"}"#)) == .busy)  // one past the limit

        var latencies: [Double] = []
        for _ in 0..<500 {
            let start = Date()
            _ = try honest.call(.status)
            latencies.append(Date().timeIntervalSince(start))
        }
        latencies.sort()
        print(
            """
            hostile clients: honest status p50 \(Int(latencies[250] * 1_000_000)) µs, p99 \(Int(latencies[495] * 1_000_000)) µs, max \
            \(Int(latencies.last! * 1_000_000)) µs
            """
        )
        #expect(daemon.process.isRunning)
        _ = (stalled, deaf, idle)
    }
}
