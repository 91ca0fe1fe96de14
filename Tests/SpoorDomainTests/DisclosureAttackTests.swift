import Foundation
import SpoorJSON
import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// The statistics shown to roles without care access, attacked as the issue puts it: for many
/// random stores, every table one reply or one page shows (each grouping by one dimension and the
/// totals), combined in one linear program (scipy's `linprog`, `Tests/Tools/disclosure_attack.py`)
/// that knows every shown count, every line's total and every bound the figures imply; each hidden
/// count must keep a range at least the threshold wide.
@Suite("Statistics that identify nobody: an attacker with a linear program")
struct DisclosureAttackTests {
    static let threshold = 5
    static let dimensions: [[Statistics.Dimension]] = [[], [.gender], [.ageGroup], [.nationality], [.unit], [.month], [.form]]

    /// A store of `count` youths with random profiles, signals and steps taken, drawn from `rng`.
    static func store(_ count: Int, _ rng: inout SeededGenerator) -> [CaseDigest] {
        let forms = ["sexual", "labour", "criminal", "financial"]
        return (0..<count).compactMap { index -> CaseDigest? in
            var harness = CaseHarness()
            let opened = "2026-0\(Int.random(in: 1...6, using: &rng))-0\(Int.random(in: 1...9, using: &rng))"
            let age = Int.random(in: 10...19, using: &rng)
            let genders: [YouthProfile.Gender] = [.female, .female, .male, .male, .other]
            let group: YouthProfile.NationalityGroup = Bool.random(using: &rng) ? .dutch : .nonDutch
            _ = try? harness.run(
                CaseCommand(
                    CaseOpened(
                        caseID: "c\(index)", unit: ["north", "south", "east"].randomElement(using: &rng)!, openedOn: day(opened),
                        youth: YouthProfile(gender: genders.randomElement(using: &rng)!, nationalityGroup: group, ageAtOpening: 0),
                        personal: YouthIdentity(name: "Y\(index)", birthDate: day(opened).adding(days: -365 * age - 30)))), on: opened)
            guard harness.state != nil else { return nil }
            let later = day(opened).adding(days: Int.random(in: 0...60, using: &rng)).description
            for _ in 0...Int.random(in: 0...2, using: &rng) {
                let signalForms = Array(forms.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
                _ = try? harness.run(.signal(signalForms, on: later), on: later)
            }
            let steps: [(Double, CaseCommand, Role)] = [
                (0.6, .consult(on: later), .professional), (0.5, .talk(on: later), .professional),
                (0.4, .weigh(unsafe: true, on: later), .behaviouralScientist), (0.4, .report(on: later, urgency: .acute), .attentionOfficer),
                (0.3, .give(.youth, for: [.statistics], on: later), .professional),
                (0.2, .give(.parent, for: [.statistics], on: later), .professional),
                (0.2, .refuse(.youth, on: later), .professional),
                (0.3, .register(.identifiable, basis: .consent, on: later), .attentionOfficer),
                (0.3, .register(.nonIdentifiable, on: later), .attentionOfficer),
                (0.1, CaseCommand(ScreeningRecorded(screenedOn: day(later), outcome: .signsFound, instrument: nil)), .professional),
            ]
            for (chance, command, role) in steps where Double.random(in: 0..<1, using: &rng) < chance {
                _ = try? harness.run(command, as: role, on: later)
            }
            return harness.current.digest
        }
    }

    /// Every table of `store` as the reader is shown them, with the true counts beside, as JSON.
    static func tables(of store: [CaseDigest]) throws -> JSONValue {
        .array(
            try dimensions.map { by in
                let published = try PublishedStatistics.protected(
                    Statistics(cases: store, by: by), YouthStatistics(cases: store, by: by),
                    threshold: threshold)
                return [
                    "by": .array(by.map { .string($0.rawValue) }),
                    "signals": .array(
                        published.rows.map { row in
                            [
                                "group": .string(row.group.joined()),
                                "cells": cells([
                                    "youths": row.youths, "signals": row.signals,
                                    "consulted": row.consulted, "reported": row.reported,
                                    "registered": row.registered,
                                ]),
                            ]
                        }),
                    "youths": .array(
                        published.youthRows.map { row in
                            [
                                "group": .string(row.group.joined()),
                                "cells": cells(["youths": row.youths, "screened": row.screened, "reported": row.reported]),
                                "consent": cells(row.consent), "registration": cells(row.registration), "declined": cells(row.declined),
                            ]
                        }),
                ]
            })
    }

    static func cells(_ cells: [String: PublishedStatistics.Cell]) -> JSONValue {
        .object(
            cells.mapValues { cell in
                switch cell {
                case .count(let value): .number(Double(value))
                case .hidden: .null
                }
            })
    }

    @Test("for 40 random stores, no hidden count is narrowed below the threshold by everything shown")
    func noHiddenCountCanBeWorkedOut() throws {
        var rng = SeededGenerator(state: 7513)
        var stores: [JSONValue] = []
        for number in 0..<40 {
            let store = Self.store(Int.random(in: 8...160, using: &rng), &rng)
            let truth = try Self.tables(of: store)
            stores.append([
                "store": .number(Double(number)), "tables": truth,
                "truth": try Self.trueTables(of: store),
            ])
        }
        let result = try Self.attack(.array(stores))
        #expect(result.status == 0, "\(result.report)")
        // Not a vacuous pass: the stores hide many counts, and the attacker tried each.
        let attacked = Int(result.report.prefix { $0 != " " }) ?? 0
        #expect(attacked >= 200, "\(result.report)")
        print(result.report)
    }

    @Test("the attacker works out a count hidden alone in its line: it can fail")
    func theAttackerCatchesPrimarySuppressionAlone() throws {
        func row(_ group: String, _ cells: [String: JSONValue]) -> JSONValue {
            ["group": .string(group), "cells": .object(cells), "consent": [:], "registration": [:], "declined": [:]]
        }
        func table(_ by: [String], female consulted: JSONValue) -> JSONValue {
            let signals: [JSONValue] =
                by.isEmpty
                ? [row("", ["youths": 16, "signals": 20, "consulted": 12, "reported": 0, "registered": 0])]
                : [
                    row("female", ["youths": 8, "signals": 10, "consulted": consulted, "reported": 0, "registered": 0]),
                    row("male", ["youths": 8, "signals": 10, "consulted": 9, "reported": 0, "registered": 0]),
                ]
            let youths: [JSONValue] =
                by.isEmpty
                ? [row("", ["youths": 16, "screened": 0, "reported": 0])]
                : [row("female", ["youths": 8, "screened": 0, "reported": 0]), row("male", ["youths": 8, "screened": 0, "reported": 0])]
            return ["by": .array(by.map(JSONValue.string)), "signals": .array(signals), "youths": .array(youths)]
        }
        let store: JSONValue = [
            "store": 0, "tables": [table([], female: 3), table(["gender"], female: .null)],
            "truth": [table([], female: 3), table(["gender"], female: 3)],
        ]
        let result = try Self.attack([store])
        #expect(result.status == 1 && result.report.contains("gender signals [female] consulted = 3 lies in [3, 3]"), "\(result.report)")
    }

    /// The same tables with every count shown: what the attacker is checked against.
    static func trueTables(of store: [CaseDigest]) throws -> JSONValue {
        .array(
            try dimensions.map { by in
                let published = try PublishedStatistics.protected(
                    Statistics(cases: store, by: by), YouthStatistics(cases: store, by: by),
                    threshold: threshold)
                // The true counts of the protected tables' groups: merged groups counted again from the store.
                let signals = Statistics(cases: store, by: by), youths = YouthStatistics(cases: store, by: by)
                let other = by.map { _ in PublishedStatistics.otherGroup }
                let shownSignals = Set(published.rows.map(\.group)), shownYouths = Set(published.youthRows.map(\.group))
                let mergedSignals = signals.merging(Set(signals.rows.map(\.group)).subtracting(shownSignals), into: other)
                let mergedYouths = youths.merging(Set(youths.rows.map(\.group)).subtracting(shownYouths), into: other)
                return [
                    "signals": .array(
                        PublishedStatistics.exact(mergedSignals, mergedYouths).rows.map { row in
                            [
                                "group": .string(row.group.joined()),
                                "cells": cells([
                                    "youths": row.youths, "signals": row.signals,
                                    "consulted": row.consulted, "reported": row.reported,
                                    "registered": row.registered,
                                ]),
                            ]
                        }),
                    "youths": .array(
                        PublishedStatistics.exact(mergedSignals, mergedYouths).youthRows.map { row in
                            [
                                "group": .string(row.group.joined()),
                                "cells": cells(["youths": row.youths, "screened": row.screened, "reported": row.reported]),
                                "consent": cells(row.consent), "registration": cells(row.registration), "declined": cells(row.declined),
                            ]
                        }),
                ]
            })
    }

    static func attack(_ stores: JSONValue) throws -> (status: Int32, report: String) {
        let tools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tools")
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("stores-\(UUID().uuidString).json")
        try Data(stores.serialized).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try RequestSchemaTests.python([
            tools.appendingPathComponent("disclosure_attack.py").path, "--threshold", "\(threshold)", input.path,
        ])
        return (result.status, result.output)
    }
}
