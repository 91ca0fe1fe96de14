/// The reply to `case.next`: what the case waits for, each with its rule, reason and deadline.
public struct NextStepsReply: Codable, Sendable, Equatable {
    public struct Step: Codable, Sendable, Equatable {
        public var action: String
        public var rule: String
        public var reason: String
        public var signals: [String]
        public var responsible: String?
        public var dueOn: String?
        public var protocolVersion: Int?

        public init(action: String, rule: String, reason: String, signals: [String], responsible: String?, dueOn: String?, protocolVersion: Int?) {
            (self.action, self.rule, self.reason, self.signals) = (action, rule, reason, signals)
            (self.responsible, self.dueOn, self.protocolVersion) = (responsible, dueOn, protocolVersion)
        }
    }

    public var `case`: String
    public var on: String
    public var steps: [Step]

    public init(case: String, on: String, steps: [Step]) { (self.case, self.on, self.steps) = (`case`, on, steps) }
}
