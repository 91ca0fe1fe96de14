import Foundation
import NIOCore
import SpoorDomain
import SpoorProtocol
import SpoorTestSupport
import Testing
@testable import SpoorApplication
@testable import SpoorServer

/// Hostile input at volume, without a daemon: every line a client could send, mutated from valid
/// requests by a seeded generator, goes through the request decoder, the strict parameter
/// decoders and the domain's command decoder. Nothing may crash, hang or grow without bound; each
/// line gets a typed error or decodes. `make fuzz` runs 1,000,000 inputs; `make test` 20,000.
@Suite("Fuzzing the request path")
struct RequestFuzzTests {
    static let seeds: [String] = [
        #"{"v":1,"id":"1","method":"status"}"#,
        #"""
        {"v":1,"id":"2","method":"case.command","params":{"case":"c1","command":"open-case","body":{"unit":"u","openedOn":"2026-11-02",\#
        "youth":{"gender":"female","nationalityGroup":"dutch","ageAtOpening":15},"personal":{"name":"N","birthDate":"2011-01-01"}}}}
        """#,
        #"""
        {"v":1,"id":"3","method":"case.command","params":{"case":"c1","command":"record-signal","body":{"observedOn":"2026-11-02",\#
        "source":"own-observation","formsOfExploitation":["sexual"],"indicators":["online"],"nature":"concrete","crossBorder":true,\#
        "personal":{"text":"x"}}}}
        """#,
        #"""
        {"v":1,"id":"4","method":"case.command","params":{"case":"c1","command":"weigh","body":{"signalIDs":["signal-1"],\#
        "weighedOn":"2026-11-03","answers":{"suspicion":true,"acuteOrStructuralUnsafety":false,"canOfferEffectiveHelp":true},\#
        "decision":"help","evaluateOn":"2026-12-01"}}}
        """#,
        #"{"v":1,"id":"5","method":"worklist","params":{"on":"2026-12-01","mine":true,"units":["north"],"limit":10}}"#,
        #"{"v":1,"id":"6","method":"stats","params":{"from":"2026-01-01","to":"2026-12-31","by":["form","age-group","country"]}}"#,
        #"{"v":1,"id":"7","method":"case.show","params":{"case":"c1","emergency":true,"reason":"r"}}"#,
        #"""
        {"v":1,"id":"8","method":"case.command","params":{"case":"c1","command":"register-at-comensha","body":{"kind":"identifiable",\#
        "basis":"consent","registeredOn":"2026-11-05","purpose":"statistics"}}}
        """#,
    ]

    /// Decodes `line` as the daemon would, to the domain command for `case.command`; returns
    /// whether it got that far. Every failure must be a thrown error, never a trap.
    static func decode(_ line: [UInt8]) -> Bool {
        guard case .success(let request) = RequestDecoder.decode(ByteBuffer(bytes: line)) else { return false }
        let decoder = JSONValueDecoder()
        switch request.method {
        case .caseCommand:
            guard let params = try? CommandParams(json: request.params) else { return false }
            return (try? CaseCommand(name: params.command, caseID: params.case, body: params.body)) != nil
        case .worklist: return (try? decoder.decode(WorklistParams.self, from: request.params)) != nil
        case .stats: return (try? decoder.decode(StatsParams.self, from: request.params)) != nil
        case .caseShow: return (try? decoder.decode(CaseShowParams.self, from: request.params)) != nil
        default: return true
        }
    }

    /// One hostile variation of `seed`.
    static func mutate(_ seed: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<9, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &rng)))
            case 3: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: Int.random(in: 60...10_000, using: &rng)), at: at)
            case 4: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "9"), count: Int.random(in: 300...10_000, using: &rng)), at: at)
            case 5:
                bytes.insert(
                    contentsOf: [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C]][Int.random(in: 0..<4, using: &rng)], at: at)
            case 6: bytes.insert(contentsOf: Array(#"\u0000\ud800"#.utf8), at: at)
            case 7 where !bytes.isEmpty: bytes = Array(bytes.prefix(at))
            default:
                let other = Array(seeds[Int.random(in: 0..<seeds.count, using: &rng)].utf8)
                bytes = Array(bytes.prefix(at)) + Array(other.suffix(Int.random(in: 0...other.count, using: &rng)))
            }
        }
        return bytes
    }

    static var inputs: Int { ProcessInfo.processInfo.environment["SPOOR_FUZZ_INPUTS"].flatMap(Int.init) ?? 20_000 }

    /// A near miss ("did you mean …?") of an unknown key cost time in the key's length times each
    /// field's: a 240,000-character key took 4 s to refuse (the fuzz run's slowest input, 0.24 s,
    /// was one 15,000 characters long). A key longer than any field by more than two is no near miss.
    @Test("an unknown key of most of a megabyte is refused in the time it takes to read it, not seconds")
    func aLongUnknownKeyIsCheap() throws {
        let key = "purpose" + String(repeating: "9", count: 1_000_000 - 300)
        let line =
            #"{"v":1,"id":"8","method":"case.command","params":{"case":"c1","command":"register-at-comensha","#
            + #""body":{"kind":"identifiable","basis":"consent","registeredOn":"2026-11-05",""# + key + #"":"x"}}}"#
        let started = ContinuousClock.now
        #expect(!Self.decode(Array(line.utf8)), "refused")
        let took = ContinuousClock.now - started
        #expect(took < .milliseconds(500), "refused after \(took)")
    }

    @Test func noInputCrashesHangsOrGrowsMemory() throws {
        #expect(Self.seeds.allSatisfy { Self.decode(Array($0.utf8)) }, "every seed decodes")
        var rng = SeededGenerator(state: 2026_11_30)
        let rssBefore = Self.residentBytes()
        var slowest = 0.0, decoded = 0
        let started = Date()
        for n in 0..<Self.inputs {
            let input = Self.mutate(Array(Self.seeds[n % Self.seeds.count].utf8), &rng)
            let start = Date()
            if Self.decode(input) { decoded += 1 }
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        let grown = Self.residentBytes() - rssBefore
        print(
            """
            fuzz: \(Self.inputs) inputs in \(Int(Date().timeIntervalSince(started))) s, \(decoded) decoded, slowest \(Int(slowest * 1_000_000)) \
            µs, resident memory +\(grown >> 20) MiB
            """
        )
        #expect(slowest < 0.5, "an input took \(slowest) s")
        #expect(grown < 256 << 20, "memory grew by \(grown >> 20) MiB")
    }

    /// `VmRSS` of this process, in bytes.
    static func residentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1_024
    }
}
