import SpoorJSON

/// The known word a mistyped one was most likely meant to be: for "did you mean …?" in errors.
public enum NearMiss {
    /// The most edits a near miss is from its word.
    static let maxEdits = 2

    /// The candidate within two edits of `word` (Levenshtein), the nearest first; `nil` if none is.
    /// A candidate whose length differs by more is skipped before any work: the distance is at least
    /// that difference, and a hostile request's megabyte-long key must cost no more than reading it.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let letters = Array(word)
        return candidates.compactMap { candidate -> (String, Int)? in
            let other = Array(candidate)
            guard abs(letters.count - other.count) <= maxEdits else { return nil }
            let edits = distance(letters, other)
            return edits <= maxEdits ? (candidate, edits) : nil
        }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// "unknown value 'femal'; the values are: female, male, …; did you mean female?"
    public static func unknown(_ unknown: JSONValueDecoder.UnknownValue) -> String {
        "unknown value '\(unknown.value)'; the values are: \(unknown.names.joined(separator: ", "))"
            + (suggestion(for: unknown.value, among: unknown.names).map { "; did you mean \($0)?" } ?? "")
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = current
        }
        return previous[b.count]
    }
}
