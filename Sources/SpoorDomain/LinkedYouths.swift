/// Which youth each case is of, named by the first of its cases' ids (union–find): the cases an
/// officer linked as one youth (`case link`), and the cases whose identities match in the blind
/// index, unless an officer said they are not one youth (`case link --not-same`; a third case that
/// matches both still joins them). Read once for both tables of a `stats` reply.
public struct LinkedYouths: Sendable {
    private let parent: [String: String]

    /// The youths of `cases`; `matched` are the groups of cases whose identities match.
    public init(_ cases: some Sequence<CaseDigest>, matched: [[String]] = []) {
        var parent: [String: String] = [:]
        func root(_ id: String) -> String {
            var id = id
            while let up = parent[id], up != id { id = up }
            return id
        }
        func join(_ a: String, _ b: String) {
            let (a, b) = (root(a), root(b))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        // "Not the same youth" overrules a link or a match, as it does for a registration.
        let apart = Set(cases.flatMap { state in state.otherYouth.map { [state.caseID, $0].sorted() } })
        for state in cases {
            for other in state.sameYouth where !apart.contains([state.caseID, other].sorted()) { join(state.caseID, other) }
        }
        for group in matched {
            for (index, a) in group.enumerated() {
                for b in group[(index + 1)...] where !apart.contains([a, b].sorted()) { join(a, b) }
            }
        }
        self.parent = parent
    }

    /// The id that names the youth of `caseID`.
    public func youth(of caseID: String) -> String {
        var id = caseID
        while let up = parent[id], up != id { id = up }
        return id
    }
}
