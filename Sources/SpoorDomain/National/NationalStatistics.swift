/// The national figures of registrations at CoMensha, from the institutions' registration records,
/// protected as the daemon protects its own for readers outside care (``PublishedStatistics``):
/// one dimension a table; a group with fewer youths than the threshold merged into `other`, with
/// the smallest groups after it until `other` holds the threshold; every count under the threshold
/// hidden, and more of its column until no hidden count can be worked out from the total
/// (``ComplementarySuppression``).
///
/// A youth counts once per institution, in the group of the youth's first registration there (by
/// the institution's keyed pseudonym); a youth registered by two institutions counts twice, which
/// no institution's pseudonym can tell. Under `form` a registration counts under each of its forms.
public enum NationalStatistics {
    public enum Dimension: String, CaseIterable, Sendable {
        case region, month, form, ageBand = "age-band", gender, kind, basis, purpose
    }

    /// One group's counts, as the hub's tables add them up.
    public struct Count: Sendable, Equatable {
        public var group: String
        public var registrations: Int
        public var youths: Int

        public init(group: String, registrations: Int, youths: Int) { (self.group, self.registrations, self.youths) = (group, registrations, youths) }
    }

    /// One group as shown: `nil` for a hidden count.
    public struct Row: Codable, Sendable, Equatable {
        public var group: String
        public var registrations: Int?
        public var youths: Int?
    }

    public static let otherGroup = PublishedStatistics.otherGroup
    /// Said beside every table: what a per-institution pseudonym cannot do.
    public static let doubleCounting = "a youth registered by two institutions counts twice: each institution's pseudonym is its own"

    /// `counts` protected against the threshold; with how many groups were merged into `other`.
    public static func protected(_ counts: [Count], threshold: Int) -> (rows: [Row], mergedGroups: Int) {
        let merged = smallGroups(counts, threshold: threshold)
        var rows = counts.filter { !merged.contains($0.group) }
        if !merged.isEmpty {
            let folded = counts.filter { merged.contains($0.group) }
            rows.append(
                Count(group: otherGroup, registrations: folded.reduce(0) { $0 + $1.registrations }, youths: folded.reduce(0) { $0 + $1.youths }))
        }
        rows.sort { $0.group < $1.group }
        let hiddenYouths = ComplementarySuppression.hidden(rows.map(\.youths), bounds: rows.map { $0.registrations }, threshold: threshold)
        let hiddenRegistrations = ComplementarySuppression.hidden(rows.map(\.registrations), bounds: rows.map { _ in nil }, threshold: threshold)
        let shown = rows.indices.map { index in
            Row(
                group: rows[index].group, registrations: hiddenRegistrations.contains(index) ? nil : rows[index].registrations,
                youths: hiddenYouths.contains(index) ? nil : rows[index].youths)
        }
        return (shown, merged.count)
    }

    /// The groups to merge: each with fewer youths than the threshold, then the smallest others
    /// until the merged group holds at least the threshold, or every group is merged.
    static func smallGroups(_ counts: [Count], threshold: Int) -> Set<String> {
        guard counts.count > 1 else { return [] }
        var merged = Set(counts.filter { $0.youths < threshold }.map(\.group))
        var inOther = counts.filter { merged.contains($0.group) }.reduce(0) { $0 + $1.youths }
        for count in counts.filter({ !merged.contains($0.group) }).sorted(by: { ($0.youths, $0.group) < ($1.youths, $1.group) })
        where !merged.isEmpty && inOther < threshold {
            merged.insert(count.group)
            inOther += count.youths
        }
        return merged.count == counts.count && counts.count == 1 ? [] : merged
    }
}
