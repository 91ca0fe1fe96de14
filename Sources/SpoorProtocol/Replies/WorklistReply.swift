/// The reply to `worklist`: the oldest items the caller may act on, how many there are in all,
/// and how many more are on cases it has no care relationship with.
public struct WorklistReply: Codable, Sendable, Equatable {
    /// One thing to do on one case.
    public struct Item: Codable, Sendable, Equatable {
        /// The case id.
        public var `case`: String
        /// The unit that cares for the case.
        public var unit: String
        /// What is to be done (`consultation-due`, `registration-due`, …).
        public var kind: String
        /// The day it became due.
        public var since: String
        /// The day it is due by, when there is a deadline.
        public var dueOn: String?
        /// Past its deadline (or its reminder day), or waiting with no deadline: listed first.
        public var overdue: Bool
        /// The role responsible.
        public var responsible: String
        /// The protocol whose deadline applies.
        public var protocolVersion: Int?
        /// What is to be done, in words.
        public var detail: String

        /// The item of `kind` on `case`.
        public init(
            case: String, unit: String, kind: String, since: String, dueOn: String?, overdue: Bool, responsible: String, protocolVersion: Int?,
            detail: String
        ) {
            (self.case, self.unit, self.kind, self.since, self.dueOn, self.overdue) = (`case`, unit, kind, since, dueOn, overdue)
            (self.responsible, self.protocolVersion, self.detail) = (responsible, protocolVersion, detail)
        }
    }

    /// The day judged on.
    public var on: String
    /// The items, overdue first, at most the limit asked for.
    public var items: [Item]
    /// How many items there are in all.
    public var total: Int
    /// How many more items are on cases the caller has no care relationship with.
    public var elsewhere: Int

    /// The worklist on `on`.
    public init(on: String, items: [Item], total: Int, elsewhere: Int) {
        (self.on, self.items, self.total, self.elsewhere) = (on, items, total, elsewhere)
    }
}
