/// The reply to `worklist`: the oldest items the caller may act on, how many there are in all,
/// and how many more are on cases it has no care relationship with.
public struct WorklistReply: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var `case`: String
        public var unit: String
        public var kind: String
        public var since: String
        public var dueOn: String?
        /// Past its deadline (or its reminder day), or waiting with no deadline: listed first.
        public var overdue: Bool
        public var responsible: String
        public var protocolVersion: Int?
        public var detail: String

        public init(case: String, unit: String, kind: String, since: String, dueOn: String?, overdue: Bool, responsible: String, protocolVersion: Int?,
                    detail: String) {
            (self.case, self.unit, self.kind, self.since, self.dueOn, self.overdue) = (`case`, unit, kind, since, dueOn, overdue)
            (self.responsible, self.protocolVersion, self.detail) = (responsible, protocolVersion, detail)
        }
    }

    public var on: String
    public var items: [Item]
    public var total: Int
    public var elsewhere: Int

    public init(on: String, items: [Item], total: Int, elsewhere: Int) { (self.on, self.items, self.total, self.elsewhere) = (on, items, total, elsewhere) }
}
