/// The reply to `case.list`: the cases the caller may read, in id order, without personal content.
public struct CaseListReply: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var `case`: String
        public var unit: String
        public var open: Bool
        public var lastChangedOn: String

        public init(case: String, unit: String, open: Bool, lastChangedOn: String) {
            (self.case, self.unit, self.open, self.lastChangedOn) = (`case`, unit, open, lastChangedOn)
        }
    }

    public var cases: [Entry]
    /// Where the next page starts (`after`), when there are more.
    public var next: String?

    public init(cases: [Entry], next: String?) { (self.cases, self.next) = (cases, next) }
}
