import SpoorTestSupport
import Testing
@testable import SpoorDomain

@Suite("The binary form of a case state")
struct BinaryFormTests {
    /// Every state a case passes through on its way through every event type.
    static func everyState() throws -> [CaseState] {
        var states: [CaseState] = []
        var state: CaseState?
        for record in try EveryEventType.harness().records {
            state = CaseState.evolve(state, record)
            states.append(try #require(state))
        }
        return states
    }

    @Test func everyStateOfACaseRoundTrips() throws {
        for state in try Self.everyState() {
            #expect(try CaseState(binary: state.binary()) == state)
        }
    }

    /// A field added to one of these types and not to `CaseState+Binary.swift` would be lost from
    /// the projection without a word: when a count here changes, change the binary form with it.
    @Test func theBinaryFormKnowsEveryField() throws {
        let states = try Self.everyState()
        let state = try #require(states.last { $0.identity != nil })  // the fullest, just before erasure
        let signal = try #require(state.signals.all.first { $0.due != nil })
        let report = try #require(state.reports.all.first)
        let weighing = try #require(state.weighings.first)
        let registration = try #require(state.registrations.last)
        let waiverRequest = try #require(states.compactMap(\.waiverRequest).first)
        let fields: [(Any, Int)] = [
            (state, 38), (signal, 7), (report, 3), (signal.recorded, 9), (state.youth, 4), (try #require(state.identity), 6),
            (Note("n"), 1), (try #require(state.lastRiskAssessment), 4), (try #require(state.consultations.first), 4),
            (try #require(state.conversations.first), 4), (try #require(state.skippedConversations.first), 4), (weighing, 7),
            (weighing.answers, 5), (report.report, 7), (try #require(report.feedback.first), 4),
            (try #require(states.compactMap(\.waiver).first), 4), (waiverRequest, 2), (waiverRequest.request, 4),
            (registration, 11), (try #require(registration.analytics), 5), (try #require(registration.personal), 5),
            (try #require(state.consents.first), 6), (try #require(states.compactMap(\.parentalOverride).first), 3),
            (try #require(states.compactMap(\.withdrawalNotice).first), 2), (try #require(states.compactMap(\.registrationDue).first), 2),
            (try #require(signal.due), 5), (try #require(states.compactMap(\.helpEvaluation).first), 2),
            (try #require(state.screenings.first), 3), (try #require(states.compactMap(\.erasureRequest).first), 2),
            (try #require(states.compactMap(\.legalHold).first), 4), (try #require(state.relationships.first), 3),
            (try #require(state.registeredElsewhere.first), 3), (try #require(state.declinedRegistrations.first), 3),
            (try #require(state.deliveries.first), 8),
        ]
        for (value, count) in fields {
            #expect(Mirror(reflecting: value).children.count == count, "\(type(of: value)) has other fields than its binary form")
        }
    }

    @Test func everyConsentRoundTrips() throws {
        var state = try #require(try Self.everyState().last)
        for status in [CaseState.PartyConsent.Status.requested, .given, .refused, .withdrawn] {
            for party in ConsentParty.allCases {
                state.consents = [.init(party: party, status: status, on: Day(ordinal: -3), form: status == .given ? .spoken : nil)]
                #expect(try CaseState(binary: state.binary()) == state)
            }
        }
    }

    /// Bytes changed at random never crash the reader: they are refused, or read as some state.
    @Test func randomDamageNeverCrashes() throws {
        var rng = SeededGenerator(state: 2026)
        for state in try Self.everyState() {
            let bytes = state.binary()
            for _ in 0..<200 {
                var damaged = bytes
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                _ = try? CaseState(binary: damaged)
            }
        }
        // A count or length near 2^64, which no Int holds.
        #expect(throws: BinaryFormError.self) { try CaseState(binary: [UInt8](repeating: 0xFF, count: 9) + [0x01]) }
    }

    @Test func damagedBytesAreRefused() throws {
        let state = try #require(try Self.everyState().first { !$0.signals.isEmpty })
        let bytes = state.binary()
        for cut in [0, 1, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(throws: BinaryFormError.self) { try CaseState(binary: bytes.prefix(cut)) }
        }
        #expect(throws: BinaryFormError.self) { try CaseState(binary: bytes + [0]) }
        #expect(throws: BinaryFormError.self) { try CaseState(binary: [UInt8](repeating: 0xFF, count: 64)) }
        var unknownGender = bytes
        let offset = 1 + state.caseID.utf8.count + 1 + state.unit.utf8.count + 3  // caseID, unit, openedOn (3 bytes), then gender
        unknownGender[offset + 1] = UInt8(ascii: "X")
        #expect(throws: BinaryFormError.self) { try CaseState(binary: unknownGender) }
    }
}
