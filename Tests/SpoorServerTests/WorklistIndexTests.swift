import Foundation
import SpoorLedger
import SpoorProof
import SpoorTestSupport
import Testing

@testable import SpoorApplication
@testable import SpoorDomain

/// The worklist is read from its index (issue 31): the cases with items, by the day each item is
/// listed from. It must find exactly the cases a scan of every case finds, on any day, and a
/// rebuild must write the index the commands wrote one by one.
@Suite("The worklist's index")
struct WorklistIndexTests {
    static let actor = AppendMetadata.Actor(uid: 1001, name: "anna")

    @Test func findsWhatAScanOfEveryCaseFindsOnEveryDayAndARebuildWritesTheSame() async throws {
        try await Self.withHandler { ledger, projection, handler in
            var random = SeededGenerator(state: 31)
            try await Self.randomHistories("w", commands: 1...7, random: &random, projection, handler) { state, random in
                let signal = "signal-\(Int.random(in: 1...max(1, state.signals.all.count), using: &random))"
                let on = Day(ordinal: day("2026-09-01").ordinal + Int.random(in: 0...90, using: &random)).description
                return switch Int.random(in: 0..<6, using: &random) {
                case 0, 1: .signal(on: on)
                case 2: .consult([signal], on: on)
                case 3: .weigh([signal], unsafe: true, on: on)
                case 4: .report([signal], on: on)
                default:
                    state.isOpen
                        ? CaseCommand(CaseClosed(closedOn: day(on), reason: .other, openObligations: state.openObligations, personal: nil))
                        : CaseCommand(CaseReopened(reopenedOn: day(on)))
                }
            }
            let every = try projection.withDigests { Array($0) }
            let listed = Set(try CaseWorklist.cases(listedThrough: nil, in: ledger))
            #expect(listed.count > 10 && listed.count < 40)  // some cases list nothing: closed, or nothing due
            let indexed = try projection.digestsListed(through: nil)
            #expect(Set(indexed.map(\.caseID)) == listed)
            for offset in stride(from: 0, through: 240, by: 6) {
                let today = Day(ordinal: day("2026-08-20").ordinal + offset)
                let found = try CaseWorklist.cases(listedThrough: today, in: ledger)
                let overdue = every.filter { !Worklist.items(for: [$0], on: today, filter: .init(overdueOnly: true)).isEmpty }
                #expect(Set(found) == Set(overdue.map(\.caseID)) && found.count == Set(found).count, "on \(today)")
                for overdueOnly in [false, true] {
                    let scan = Worklist.oldest(25, of: every, on: today, filter: .init(overdueOnly: overdueOnly))
                    let read = Worklist.oldest(25, of: indexed, on: today, filter: .init(overdueOnly: overdueOnly))
                    #expect(read.items == scan.items && read.total == scan.total, "on \(today), overdue only: \(overdueOnly)")
                }
            }
            let written = try ledger.projectionRecords(withPrefix: CaseWorklist.index.prefix, limit: 100_000)
            let outcome = try projection.rebuild { _, _ in }
            #expect(outcome.undecodable == 0)
            #expect(try ledger.projectionRecords(withPrefix: CaseWorklist.index.prefix, limit: 100_000) == written)
        }
    }

    /// A projection and the command handler over it, with the standard protocol adopted as the
    /// daemon adopts it at start, for a rebuild to fold the events by.
    static func withHandler(_ body: (Ledger, CaseProjection, CommandHandler) async throws -> Void) async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols, institution: .init(), epoch: 1)
            _ = try await ProtocolAdoption(ledger: ledger, protocols: projection.protocols)
                .adopt(.standard, file: nil, trigger: "start", by: actor, role: "admin")
            try await body(ledger, projection, handler)
        }
    }

    /// Forty cases opened through the handler, each given a number of commands in `commands`, each
    /// command drawn by `command` from the case's state as it is then.
    static func randomHistories(
        _ prefix: String, commands: ClosedRange<Int>, random: inout SeededGenerator, _ projection: CaseProjection, _ handler: CommandHandler,
        _ command: (CaseState, inout SeededGenerator) -> CaseCommand
    ) async throws {
        for number in 0..<40 {
            let checked = try CheckedCase("\(prefix)\(number)")
            try await run(opening(checked.id), on: checked, handler)
            for _ in 0..<Int.random(in: commands, using: &random) {
                try await run(command(try #require(try projection.entry(of: checked.id)).state, &random), on: checked, handler)
            }
        }
    }

    static func opening(_ caseID: String) -> CaseCommand {
        CaseCommand(
            CaseOpened(
                caseID: caseID, unit: "north", openedOn: day("2026-09-01"),
                youth: YouthProfile(gender: .female, nationalityGroup: .dutch, ageAtOpening: 15), personal: nil))
    }

    /// Runs `command` in the first role that may issue it; a refusal of the domain (a report of a
    /// signal not weighed, say) is part of a random history and writes nothing.
    static func run(_ command: CaseCommand, on checked: CheckedCase, _ handler: CommandHandler) async throws {
        let role = try #require(Role.allCases.first { Permissions.roles(for: command).contains($0) })
        do {
            _ = try await handler.handle(command, case: checked, eventID: EventID(), actor: actor, role: role)
        } catch is DomainError {}
    }
}
