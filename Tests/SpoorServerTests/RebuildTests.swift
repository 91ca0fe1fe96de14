import Foundation
import SpoorProtocol
import Testing

@Suite("Rebuilding projections while the daemon serves")
struct RebuildTests {
    @Test("projections rebuild while appends go on ends in the same state as a fresh replay")
    func rebuildUnderLoad() throws {
        let daemon = try DaemonProcess()
        let socketPath = daemon.socketPath
        let body: JSONValue = ["unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 16]]
        let signal: JSONValue = ["observedOn": "2026-11-03", "source": "own-observation", "formsOfExploitation": ["criminal"], "indicators": [], "nature": "concrete"]
        let setup = try daemon.client()
        for n in 0..<20 { _ = try setup.call(.caseCommand, JSONValue(encoding: CommandParams(case: "r\(n)", command: "open-case", body: body))) }

        let rebuilds = Concurrently.run(threads: 5) { writer -> Int in
            guard let client = try? SocketClient(socketPath: socketPath) else { return -1 }
            if writer == 0 {
                var finished = 0
                for _ in 0..<5 where (try? client.call(.projectionsRebuild)) != nil { finished += 1 }
                return finished
            }
            for n in 0..<60 {
                _ = try? client.call(.caseCommand, JSONValue(encoding: CommandParams(case: "r\((n + writer) % 20)", command: "record-signal", body: signal)))
            }
            return 0
        }
        #expect(rebuilds.contains(5))

        let live = try Self.everyCase(setup)
        daemon.stop()
        let fresh = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        #expect(try Self.everyCase(fresh.client()) == live)
        #expect(live.values.reduce(0) { $0 + ($1["signals"]?.array?.count ?? 0) } == 4 * 60)
        fresh.stop()
    }

    static func everyCase(_ client: SocketClient) throws -> [String: JSONValue] {
        try Dictionary(uniqueKeysWithValues: (0..<20).map { n in ("r\(n)", try client.call(.caseShow, ["case": .string("r\(n)")])) })
    }
}
