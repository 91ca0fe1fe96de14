/// Which youth each case is of: the cases an officer linked as one youth (`case link`), taken
/// together (union–find), are named by the first of their ids. Read once for both tables of a
/// `stats` reply.
public struct LinkedYouths: Sendable {
    private let parent: [String: String]

    public init(_ cases: some Sequence<CaseDigest>) {
        var parent: [String: String] = [:]
        func root(_ id: String) -> String {
            var id = id
            while let up = parent[id], up != id { id = up }
            return id
        }
        for state in cases {
            for other in state.sameYouth {
                let (a, b) = (root(state.caseID), root(other))
                if a != b { parent[max(a, b)] = min(a, b) }
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
