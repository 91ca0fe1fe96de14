import Testing
import SpoorDomain
@testable import SpoorServer

@Suite("The stored digest of a case")
struct StoredDigestTests {
    static let full = CaseDigest(
        caseID: "c-1", unit: "north", youth: YouthProfile(gender: .female, nationalityGroup: .nonDutch, ageAtOpening: 15),
        isOpen: false, isErased: true, lastChangedOn: Day(ordinal: 20_500),
        activeSignals: [.init(id: "signal-1", observedOn: Day(ordinal: 20_400), step: .weighed, formsOfExploitation: ["sexual", "criminal"]),
                        .init(id: "signal-3", observedOn: Day(ordinal: 20_401), step: .recorded, formsOfExploitation: [])],
        consultations: [.init(signalIDs: ["signal-1", "signal-3"], heldOn: Day(ordinal: 20_402))],
        reports: [.init(id: "report-1", signalIDs: ["signal-1"], reportedOn: Day(ordinal: 20_403), hasFeedback: true)],
        registeredOn: [Day(ordinal: 20_404), Day(ordinal: 20_405)],
        consentRequested: .init(what: "parent", since: Day(ordinal: 20_406)),
        riskAssessmentDue: .init(what: "vlaggensysteem", since: Day(ordinal: 20_407)))

    @Test func everyFieldRoundTrips() throws {
        #expect(try StoredDigest.decode(try StoredDigest.encode(Self.full)) == Self.full)
        var bare = Self.full
        (bare.activeSignals, bare.consultations, bare.reports, bare.registeredOn) = ([], [], [], [])
        (bare.consentRequested, bare.riskAssessmentDue, bare.isOpen, bare.isErased) = (nil, nil, true, false)
        #expect(try StoredDigest.decode(try StoredDigest.encode(bare)) == bare)
    }

    @Test func truncatedOrExtendedBytesAreRefused() throws {
        let bytes = try StoredDigest.encode(Self.full)
        for cut in [1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: StoredCaseError.self) { try StoredDigest.decode(Array(bytes.prefix(cut))) }
        }
        #expect(throws: StoredCaseError.self) { try StoredDigest.decode(bytes + [0]) }
        #expect(throws: StoredCaseError.self) { try StoredDigest.decode([9] + bytes.dropFirst()) }
    }

    @Test func aFieldTooLongForItsLengthIsRefusedNotTruncated() {
        var huge = Self.full
        huge.unit = String(repeating: "u", count: 70_000)
        #expect(throws: DigestTooLarge.self) { try StoredDigest.encode(huge) }
    }
}
