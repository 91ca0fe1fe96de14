import SpoorLedger
import SpoorProof
import SpoorTestSupport
import Testing

@testable import SpoorApplication
@testable import SpoorDomain

/// The statistics count one youth once (research report §6.1: CoMensha asks the identifying fields
/// "om dubbeltellingen tegen te gaan"). Which youth a counted case is of is decided by the blind
/// index's groups that reach it; the statistics follow them from the cases they count (issue 31)
/// instead of reading the whole index, and must find the youth the whole index finds.
@Suite("The statistics' youths, from the matches their cases reach")
struct MatchedGroupsTests {
    @Test func theGroupsReachedFromSomeCasesTellTheirYouthsAsTheWholeIndexDoes() async throws {
        try await WorklistIndexTests.withHandler { ledger, projection, handler in
            var random = SeededGenerator(state: 59)
            let names = ["Anna de Vries", "Zoë van der Berg", "Amira El Idrissi", "Noor Jansen", "Sara Bakker", "Lina Smit", "Eva Mulder"]
            let born = ["2010-01-15", "2011-06-02", "2009-03-30", "2012-12-24"]
            let ids = (0..<60).map { "m\($0)" }
            for id in ids {
                // Some match by name and birth date, some by client number, some both: chains of groups through a case in two.
                let identity = YouthIdentity(
                    name: names.randomElement(using: &random)!, birthDate: day(born.randomElement(using: &random)!),
                    clientNumber: Int.random(in: 0..<3, using: &random) == 0 ? "C-\(Int.random(in: 1...12, using: &random))" : nil)
                let opening = CaseOpened(
                    caseID: id, unit: "north", openedOn: day("2026-09-01"),
                    youth: YouthProfile(gender: .female, nationalityGroup: .dutch, ageAtOpening: 15), personal: identity)
                try await WorklistIndexTests.run(CaseCommand(opening), on: try CheckedCase(id), handler)
            }
            for _ in 0..<12 {  // an officer's word both ways; "not the same" overrules a match
                let (a, b) = (ids.randomElement(using: &random)!, ids.randomElement(using: &random)!)
                guard a != b else { continue }
                let link = CasesLinked(otherCase: b, same: Bool.random(using: &random), linkedOn: day("2026-10-01"), personal: Note("checked"))
                try await WorklistIndexTests.run(CaseCommand(link), on: try CheckedCase(a), handler)
            }
            let links = try CaseLinks.all(in: ledger)
            let groups = try YouthIndex.matchedGroups(in: ledger)
            let whole = LinkedYouths(links: links, matched: groups)
            #expect(links.count > 5 && groups.count > 10)
            let endpoints = links.flatMap { [$0.from, $0.to] }
            for size in [1, 1, 1, 2, 3, 5, 10, 20, 40, 60] {
                for _ in 0..<5 {
                    let counted = Array(ids.shuffled(using: &random).prefix(size))
                    let reached = try YouthIndex.matchedGroups(reaching: counted + endpoints, in: ledger)
                    #expect(Set(reached).isSubset(of: Set(groups)))
                    let partial = LinkedYouths(links: links, matched: reached)
                    for id in counted { #expect(partial.youth(of: id) == whole.youth(of: id), "\(id) of \(counted)") }
                }
            }
            // It reads what reaches them, not the whole index: a case that matches no other reaches no group.
            let alone = try #require(ids.first { id in !groups.contains { $0.contains(id) } && !endpoints.contains(id) })
            #expect(try YouthIndex.matchedGroups(reaching: [alone], in: ledger).isEmpty)
            // The statistics follow the matches of few cases, and read the whole index for many.
            #expect(try YouthIndex.matchedGroups(deciding: [alone], in: ledger).isEmpty)
            #expect(try YouthIndex.matchedGroups(deciding: Set(ids), in: ledger) == groups)
            // Each entry is kept both ways, and a rebuild writes both as the commands did.
            let forward = try ledger.projectionRecords(withPrefix: YouthIndex.prefix, limit: 10_000)
            let reverse = try ledger.projectionRecords(withPrefix: StoredCase.prefix, limit: 10_000, keeping: Self.isYouthEntry)
            #expect(forward.count == reverse.count && forward.count >= 60)
            let outcome = try projection.rebuild { _, _ in }
            #expect(outcome.undecodable == 0)
            #expect(try ledger.projectionRecords(withPrefix: StoredCase.prefix, limit: 10_000, keeping: Self.isYouthEntry) == reverse)
        }
    }

    @Test func anErasedIdentityLeavesNoEntryEitherWay() throws {
        let index = YouthIndex(master: try MasterKey(bytes: [UInt8](repeating: 7, count: 32)))
        let identity = YouthIdentity(name: "Anna de Vries", birthDate: day("2010-01-15"), clientNumber: "C-1")
        let written = index.records(caseID: "e1", before: nil, after: identity)
        let erased = index.records(caseID: "e1", before: identity, after: nil)
        #expect(written.count == 4 && written.contains { $0.key.withUnsafeBytes(Self.isYouthEntry) })
        #expect(erased.allSatisfy(\.deletes) && Set(erased.map(\.key)) == Set(written.map(\.key)))
    }

    /// A key of the blind index the other way round, beside its case's state.
    static func isYouthEntry(_ key: UnsafeRawBufferPointer) -> Bool { StoredCase.beside(in: key) == .youthEntries }
}
