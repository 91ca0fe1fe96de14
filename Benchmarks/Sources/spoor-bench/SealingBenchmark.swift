import Crypto
import Foundation

/// What the per-case key costs a projection rebuild, as the daemon pays it through swift-crypto:
/// for each case, its data key unwrapped under the master key, its personal content opened, and its
/// new state sealed (AES-256-GCM, a `SymmetricKey` made from bytes for each, as the daemon does).
/// On one thread and on two at once: the cases a second each costs at most, on this machine.
enum SealingBenchmark {
    static func run(runs: Int) throws {
        print("sealing benchmark: ns per operation, medians of \(runs) runs of 20,000")
        let master = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let dataKey = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let wrapped = Array(try AES.GCM.seal(dataKey, using: SymmetricKey(data: master), authenticating: Array("data key case-c1".utf8)).combined!)
        let personal = Array(#"{"birthDate":"2011-01-01","name":"N case-000001"}"#.utf8)
        let eventID = Array("0193c2d4-5e6f-7a8b-9c0d-1e2f3a4b5c6d".utf8)
        let sealedPersonal = Array(try AES.GCM.seal(personal, using: SymmetricKey(data: dataKey), authenticating: eventID).combined!)
        let state = [UInt8](repeating: 7, count: 320)  // a one-event case's head, about its binary size
        let operations: [(String, @Sendable () throws -> Void)] = [
            (
                "unwrap a data key",
                {
                    _ = try AES.GCM.open(
                        AES.GCM.SealedBox(combined: wrapped), using: SymmetricKey(data: master), authenticating: Array("data key case-c1".utf8))
                }
            ),
            (
                "open personal content (\(personal.count) bytes)",
                { _ = try AES.GCM.open(AES.GCM.SealedBox(combined: sealedPersonal), using: SymmetricKey(data: dataKey), authenticating: eventID) }
            ),
            (
                "seal a state (\(state.count) bytes)",
                { _ = try AES.GCM.seal(state, using: SymmetricKey(data: dataKey), authenticating: Array("case c1".utf8)).combined }
            ),
        ]
        var total = 0.0
        for (name, operation) in operations {
            var perOperation = Measurement(name: name, unit: "ns")
            for _ in 0..<runs { perOperation.samples.append(try time(operation)) }
            print(perOperation.line)
            total += perOperation.median
        }
        print(String(format: "the three, one case: %.0f ns; at most %.0f cases/s on one core", total, 1e9 / total))
        let together: @Sendable () throws -> Void = { for (_, operation) in operations { try operation() } }
        let rates = onThreads(2) { _ in (try? time(together)).map { 1e9 / $0 } ?? 0 }
        print(String(format: "the three on 2 threads at once: %.0f cases/s in all", rates.reduce(0, +)))
    }

    private static func time(_ operation: () throws -> Void) throws -> Double {
        let start = now()
        for _ in 0..<20_000 { try operation() }
        return (now() - start) / 20_000 * 1e9
    }
}
