import Foundation
import Glibc
import SpoorLedger
import SpoorProof
import SpoorProtocol
import Testing

@Suite("The daemon's life under systemd: notify, watchdog, socket activation, shutdown", .serialized)
struct LifecycleTests {
    @Test("READY once serving, WATCHDOG at half the interval, STOPPING on SIGTERM")
    func notifications() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let notify = try NotifySocket(folder: scratch)
        let daemon = try DaemonProcess(environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000"])
        let ready = notify.messages(until: "READY=1")
        #expect(ready.last?.contains("READY=1") == true)
        #expect(ready.last?.contains("STATUS=serving") == true)
        #expect(notify.messages(until: "WATCHDOG=1", timeout: 2).last == "WATCHDOG=1")
        kill(daemon.process.processIdentifier, SIGTERM)
        #expect(notify.messages(until: "STOPPING=1").last?.hasPrefix("STOPPING=1") == true)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "started by systemd-socket-activate, it serves the socket it was handed",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-socket-activate")))
    func socketActivation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("activate-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let socketPath = folder + "/activated.sock"
        let spoord = DaemonProcess.products.appendingPathComponent("spoord").path
        let daemon = try DaemonProcess(
            arguments: ["--listen", socketPath, "--fdname=spoor", spoord, "--development", folder],
            executable: "/usr/bin/systemd-socket-activate", waitForSocket: false)
        // The activator binds and listens, then starts spoord at the first connection.
        var status: JSONValue?
        for _ in 0..<500 where status == nil && daemon.process.isRunning {
            status = try? SocketClient(socketPath: socketPath).call(.status)
            if status == nil { usleep(10_000) }
        }
        #expect(status?["lastPosition"] != nil)
        daemon.stop()
        #expect(daemon.log.contains("from systemd"))
    }

    @Test("SIGTERM during a burst of appends loses no acknowledged event")
    func drainOnSigterm() throws {
        let daemon = try DaemonProcess()
        let socketPath = daemon.socketPath
        let acknowledged = Concurrently.run(threads: 16, after: 0.3, { kill(daemon.process.processIdentifier, SIGTERM) }) { writer in
            var ids: [String] = []
            guard let client = try? SocketClient(socketPath: socketPath) else { return ids }
            for n in 0..<400 {
                let id = UUID().uuidString.lowercased()
                let open = CommandParams(
                    case: "w\(writer)-\(n)", command: "open-case",
                    body: [
                        "unit": "u", "openedOn": "2026-11-02",
                        "youth": ["gender": "unknown", "nationalityGroup": "unknown", "ageAtOpening": 14],
                    ], eventID: id)
                do { _ = try client.call(.caseCommand, JSONValue(encoding: open)) } catch { break }
                ids.append(id)
            }
            return ids
        }.flatMap { $0 }
        #expect(daemon.stop() == 0)
        #expect(!acknowledged.isEmpty && acknowledged.count < 16 * 400, "\(acknowledged.count) acknowledged")
        let ledger = try Ledger(path: daemon.folder + "/data")
        defer { ledger.close() }
        let missing = try acknowledged.filter { try ledger.position(of: EventID($0)!) == nil }
        #expect(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged events are lost")
        #expect(try ledger.verify().isIntact)
    }

    @Test("a second daemon on the same store is refused, saying why")
    func secondDaemon() throws {
        let first = try DaemonProcess()
        let second = Process()
        second.executableURL = DaemonProcess.products.appendingPathComponent("spoord")
        second.arguments = ["--development", first.folder]
        let error = Pipe()
        second.standardError = error
        try second.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 78)
        #expect(message.contains("in use by another spoord"))
        #expect(try first.client().call(.status)["lastPosition"] != nil)
        first.stop()
    }
}
