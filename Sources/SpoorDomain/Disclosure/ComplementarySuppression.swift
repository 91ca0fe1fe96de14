/// Which cells of one line of a table to hide, so that no hidden cell can be worked out.
///
/// The line's cells add up to its total, which another table may show, and each cell has an upper
/// bound that a reader can tell (a figure of a row is at most the row's signals). To that reader
/// the hidden cells add up to `K`, the total less the shown cells, and one hidden cell can be
/// anything from `max(0, K - the others' bounds)` to `min(its bound, K)`: the range a linear program
/// over all of it gives (the statistical disclosure control handbook's "protection interval").
/// A count under the threshold is hidden (primary suppression); then, while a hidden cell's range
/// is narrower than the threshold, the smallest count still shown joins them (complementary).
public enum ComplementarySuppression {
    /// The indices of `values` to hide; `bounds[i]` is what a reader can tell cell `i` is at most
    /// (`nil`: nothing but the total).
    public static func hidden(_ values: [Int], bounds: [Int?], threshold: Int) -> Set<Int> {
        var hidden = Set(values.indices.filter { values[$0] > 0 && values[$0] < threshold })
        while let unsafe = hidden.first(where: { range(of: $0, hidden: hidden, values, bounds) < threshold }) {
            let candidates = values.indices.filter { !hidden.contains($0) && $0 != unsafe }
            guard
                let next = candidates.filter({ values[$0] > 0 }).min(by: { (values[$0], $0) < (values[$1], $1) })
                    ?? candidates.first
            else { break }  // all hidden: the line's total is itself under the threshold
            hidden.insert(next)
        }
        return hidden
    }

    /// How wide a range cell `index` keeps among `hidden`, to a reader who knows everything else.
    static func range(of index: Int, hidden: Set<Int>, _ values: [Int], _ bounds: [Int?]) -> Int {
        let sum = hidden.reduce(0) { $0 + values[$1] }
        func bound(_ cell: Int) -> Int { min(bounds[cell] ?? sum, sum) }
        let others = hidden.filter { $0 != index }.reduce(0) { $0 + bound($1) }
        return bound(index) - max(0, sum - others)
    }
}
