/// The reply to `case.list`: the cases the caller may read, in id order, without personal content.
public struct CaseListReply: Codable, Sendable, Equatable {
    /// One case, without personal content.
    public struct Entry: Codable, Sendable, Equatable {
        /// The case id.
        public var `case`: String
        /// The unit that cares for it.
        public var unit: String
        /// Whether it is open.
        public var open: Bool
        /// The day it last changed.
        public var lastChangedOn: String

        /// The entry of `case`.
        public init(case: String, unit: String, open: Bool, lastChangedOn: String) {
            (self.case, self.unit, self.open, self.lastChangedOn) = (`case`, unit, open, lastChangedOn)
        }
    }

    /// The cases of this page, in id order.
    public var cases: [Entry]
    /// Where the next page starts (`after`), when there are more.
    public var next: String?

    /// A page of `cases`, going on at `next`.
    public init(cases: [Entry], next: String?) { (self.cases, self.next) = (cases, next) }
}
