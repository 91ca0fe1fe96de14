import SpoorTestSupport
import Testing

@testable import SpoorDomain

/// Which youth each case is of: every two cases matched or linked are one youth unless an officer
/// told them apart, and a third case that is one youth with both still joins them. The rule is
/// pairwise; `LinkedYouths` must give what joining every such pair gives, without the pairs.
@Suite("One youth, one count: the cases of one youth")
struct LinkedYouthsTests {
    static func digest(_ id: String, same: [String] = [], apart: [String] = []) -> CaseDigest {
        CaseDigest(
            caseID: id, unit: "north", youth: YouthProfile(gender: .female, nationalityGroup: .dutch, ageAtOpening: 15), isOpen: true,
            isErased: false, lastChangedOn: Day(ordinal: 20_000), activeSignals: [], consultations: [], reports: [], registrations: [],
            registeredElsewhere: false, declinedReasons: [], consent: .neverAsked, ageAtFirstSignal: nil, screenedOn: [], pending: [],
            sameYouth: same, otherYouth: apart)
    }

    /// The rule as it reads: every pair not told apart, joined.
    static func pairwise(_ cases: [CaseDigest], matched: [[String]]) -> [String: Set<String>] {
        let apart = Set(cases.flatMap { state in state.otherYouth.map { [state.caseID, $0].sorted() } })
        var youth = Dictionary(uniqueKeysWithValues: cases.map { ($0.caseID, Set([$0.caseID])) })
        func join(_ a: String, _ b: String) {
            guard !apart.contains([a, b].sorted()) else { return }
            let together = youth[a, default: [a]].union(youth[b, default: [b]])
            for id in together { youth[id] = together }
        }
        for state in cases { for other in state.sameYouth { join(state.caseID, other) } }
        for group in matched { for a in group { for b in group where a < b { join(a, b) } } }
        return youth
    }

    @Test("the same youths as joining every pair not told apart, on random links, matches and denials")
    func sameAsEveryPair() {
        var random = SeededGenerator(state: 31)
        for _ in 0..<300 {
            let ids = (0..<Int.random(in: 2...12, using: &random)).map { "c\($0)" }
            func some() -> [String] { ids.filter { _ in Int.random(in: 0..<6, using: &random) == 0 } }
            let cases = ids.map { Self.digest($0, same: Int.random(in: 0..<3, using: &random) == 0 ? some() : [], apart: some()) }
            let matched = (0..<Int.random(in: 0...3, using: &random)).map { _ in some() }.filter { $0.count > 1 }
            let linked = LinkedYouths(cases, matched: matched)
            let expected = Self.pairwise(cases, matched: matched)
            for a in ids {
                for b in ids {
                    #expect(
                        (linked.youth(of: a) == linked.youth(of: b)) == (expected[a]?.contains(b) ?? false),
                        "\(a), \(b): \(cases.map { ($0.caseID, $0.sameYouth, $0.otherYouth) }), matched \(matched)")
                }
            }
        }
    }

    @Test("a match of 100,000 cases of one youth, one of them told apart from another, is one youth but for that pair")
    func aLargeMatch() {
        let ids = (0..<100_000).map { "c\($0)" }
        let linked = LinkedYouths([Self.digest("c7", apart: ["c9"])], matched: [ids])
        #expect(Set(ids.map(linked.youth(of:))).count == 1)  // c7 and c9 are each one youth with every other case, so with each other too
    }
}
