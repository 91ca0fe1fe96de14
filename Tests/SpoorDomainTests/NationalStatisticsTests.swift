import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// Issue 30: the national statistics "with the same small-cell suppression as the daemon". The
/// research report asks for figures on young victims that identify nobody; DOMAIN.md: "statistics
/// must identify nobody".
@Suite("The national statistics are protected as the daemon's are")
struct NationalStatisticsTests {
    typealias Count = NationalStatistics.Count

    @Test("a group under the threshold is merged into other with the smallest after it, until other holds the threshold")
    func smallGroupsMerge() {
        let counts = [
            Count(group: "sexual", registrations: 40, youths: 38), Count(group: "labour", registrations: 12, youths: 11),
            Count(group: "organ-removal", registrations: 1, youths: 1), Count(group: "financial", registrations: 3, youths: 3),
        ]
        let (rows, merged) = NationalStatistics.protected(counts, threshold: 5)
        // financial and organ-removal hold 4 youths together: labour, the smallest of the rest, joins them.
        #expect(merged == 3)
        #expect(rows == [.init(group: "other", registrations: 16, youths: 15), .init(group: "sexual", registrations: 40, youths: 38)])
    }

    @Test("no count under the threshold is shown, and no hidden count can be worked out from the total and the rest")
    func nothingSmallShown() {
        let counts = (1...9).map { Count(group: "g\($0)", registrations: $0 * 3, youths: $0 * 2) }
        let (rows, _) = NationalStatistics.protected(counts, threshold: 5)
        for row in rows {
            #expect((row.youths ?? 5) >= 5 && (row.registrations ?? 5) >= 5, "\(row)")
        }
        let hidden = rows.filter { $0.youths == nil }
        #expect(hidden.count != 1, "one hidden cell would be the total less the others")
    }

    @Test("one group alone is not merged with itself; the total of a table with no dimension is shown when it reaches the threshold")
    func total() {
        #expect(
            NationalStatistics.protected([Count(group: "", registrations: 7, youths: 6)], threshold: 5).rows == [
                .init(group: "", registrations: 7, youths: 6)
            ])
        #expect(NationalStatistics.protected([Count(group: "", registrations: 3, youths: 3)], threshold: 5).rows.first?.youths == nil)
    }
}
