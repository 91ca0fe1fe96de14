/// Which youth each case is of, named by the first of its cases' ids (union–find): the cases an
/// officer linked as one youth (`case link`), and the cases whose identities match in the blind
/// index, unless an officer said they are not one youth (`case link --not-same`; a third case that
/// matches both still joins them). Read once for both tables of a `stats` reply.
public struct LinkedYouths: Sendable {
    private let parent: [String: String]

    /// An officer's word that two cases are one youth (`same`), or are not.
    public struct Link: Sendable, Equatable {
        public var from: String, to: String, same: Bool
        public init(from: String, to: String, same: Bool) { (self.from, self.to, self.same) = (from, to, same) }
    }

    /// The youths of `cases`, by the links their states hold; `matched` are the groups of cases whose identities match.
    public init(_ cases: some Sequence<CaseDigest>, matched: [[String]] = []) {
        let links = cases.flatMap { state in
            state.sameYouth.map { Link(from: state.caseID, to: $0, same: true) }
                + state.otherYouth.map { Link(from: state.caseID, to: $0, same: false) }
        }
        self.init(links: links, matched: matched)
    }

    /// The youths of the cases `links` and `matched` name (every other case is a youth of its own):
    /// read from the links' index, without a pass over every case.
    public init(links: [Link], matched: [[String]] = []) {
        var parent: [String: String] = [:]
        func root(_ id: String) -> String {
            var top = id
            while let up = parent[top], up != top { top = up }
            var node = id  // each case on the way points at the root: no chain is walked twice
            while let up = parent[node], up != top { (parent[node], node) = (top, up) }
            return top
        }
        func join(_ a: String, _ b: String) {
            let (a, b) = (root(a), root(b))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        // "Not the same youth" overrules a link or a match, as it does for a registration.
        var apart: [String: Set<String>] = [:]
        for link in links where !link.same {
            apart[link.from, default: []].insert(link.to)
            apart[link.to, default: []].insert(link.from)
        }
        func areApart(_ a: String, _ b: String) -> Bool { apart[a]?.contains(b) ?? false }
        for link in links where link.same && !areApart(link.from, link.to) { join(link.from, link.to) }
        for group in matched { Self.join(group, apart: apart, areApart, join) }
        for id in Array(parent.keys) { parent[id] = root(id) }
        self.parent = parent
    }

    /// Joins every two cases of a matched group not told apart. A case told apart from none of
    /// the group is a youth with each of the others, so they are all one: joined to it, a case at
    /// a time. Only a group whose every case was told apart from another is joined pair by pair
    /// (a group of one youth's many cases took time in its square, 10^10 pairs for 100,000).
    private static func join(
        _ group: [String], apart: [String: Set<String>], _ areApart: (String, String) -> Bool, _ join: (String, String) -> Void
    ) {
        let members = Set(group)
        if let free = group.first(where: { apart[$0]?.isDisjoint(with: members) ?? true }) {
            for other in group { join(free, other) }
            return
        }
        for (index, a) in group.enumerated() {
            for b in group[(index + 1)...] where !areApart(a, b) { join(a, b) }
        }
    }

    /// The id that names the youth of `caseID`.
    public func youth(of caseID: String) -> String { parent[caseID] ?? caseID }
}
