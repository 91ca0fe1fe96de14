import Foundation
import SpoorLedger
import SpoorProof
import SpoorTestSupport
import Testing

@testable import SpoorApplication
@testable import SpoorDomain

/// The statistics read the cases that count from their index (issue 31): the days on which each
/// case has a signal not retracted or a screening. For any period they must count exactly what a
/// scan of every case counts, and a rebuild must write the index the commands wrote one by one.
@Suite("The statistics' index")
struct StatisticsIndexTests {
    @Test func countsWhatAScanOfEveryCaseCountsForAnyPeriodAndARebuildWritesTheSame() async throws {
        try await WorklistIndexTests.withHandler { ledger, projection, handler in
            var random = SeededGenerator(state: 47)
            // Some cases never count: no signal, no screening.
            try await WorklistIndexTests.randomHistories("s", commands: 0...6, random: &random, projection, handler) { state, random in
                let signal = "signal-\(Int.random(in: 1...max(1, state.signals.all.count), using: &random))"
                let on = Day(ordinal: day("2025-10-01").ordinal + Int.random(in: 0...500, using: &random))
                return switch Int.random(in: 0..<6, using: &random) {
                case 0, 1:
                    .signal(["sexual", "criminal"].shuffled(using: &random).dropLast(Int.random(in: 0...1, using: &random)), on: on.description)
                case 2: CaseCommand(ScreeningRecorded(screenedOn: on, outcome: .noSigns, instrument: nil))
                case 3: CaseCommand(SignalRetracted(signalID: signal, retractedOn: on, personal: Note("recorded on the wrong case")))
                case 4: .consult([signal], on: on.description)
                default: .report([signal], on: on.description)
                }
            }
            let every = try projection.withDigests { Array($0) }
            // The histories hold what the index must follow: retractions, screenings, and cases that never count.
            let states = try every.map { try #require(try projection.entry(of: $0.caseID)).state }
            #expect(states.contains { $0.signals.all.contains(where: \.isRetracted) } && every.contains { !$0.screenedOn.isEmpty })
            #expect(every.contains { $0.activeSignals.isEmpty && $0.screenedOn.isEmpty })
            let linked = LinkedYouths(every)
            let periods: [(Day?, Day?)] =
                [
                    (nil, nil), (day("2025-01-01"), day("2025-12-31")), (day("2026-01-01"), day("2026-12-31")), (day("2026-03-01"), nil),
                    (nil, day("2025-12-01")),
                ]
                + (0..<12).map { _ in
                    let from = Day(ordinal: day("2025-09-01").ordinal + Int.random(in: 0...500, using: &random))
                    return (from, from.adding(days: Int.random(in: 0...120, using: &random)))
                }
            for (from, to) in periods {
                func inPeriod(_ day: Day) -> Bool { (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true) }
                let counting = every.filter { $0.activeSignals.contains { inPeriod($0.observedOn) } || $0.screenedOn.contains(where: inPeriod) }
                let found = try CaseCountedDays.cases(from: from, through: to, in: ledger)
                #expect(
                    Set(found) == Set(counting.map(\.caseID)) && found.count == Set(found).count,
                    "from \(String(describing: from)) to \(String(describing: to))")
                var read: [CaseDigest] = []
                try projection.withDigests(of: found, pageSize: 7) { read += $0 }
                for by in [[], [Statistics.Dimension.form], [.month], [.unit, .year]] {  // the rows as shown: their days' order is the cases'
                    #expect(
                        Statistics(cases: read, from: from, to: to, by: by, linked: linked).rows
                            == Statistics(cases: every, from: from, to: to, by: by, linked: linked).rows)
                    #expect(
                        YouthStatistics(cases: read, from: from, to: to, by: by, asOf: to, linked: linked).rows
                            == YouthStatistics(cases: every, from: from, to: to, by: by, asOf: to, linked: linked).rows)
                }
            }
            let written = try ledger.projectionRecords(withPrefix: CaseCountedDays.index.prefix, limit: 100_000)
            #expect(written.count > 20)
            let outcome = try projection.rebuild { _, _ in }
            #expect(outcome.undecodable == 0)
            #expect(try ledger.projectionRecords(withPrefix: CaseCountedDays.index.prefix, limit: 100_000) == written)
        }
    }
}
