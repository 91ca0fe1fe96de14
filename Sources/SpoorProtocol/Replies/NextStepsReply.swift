/// The reply to `case.next`: what the case waits for, each with its rule, reason and deadline.
public struct NextStepsReply: Codable, Sendable, Equatable {
    /// One thing the case waits for.
    public struct Step: Codable, Sendable, Equatable {
        /// The command that does it, e.g. `hold-consultation`.
        public var action: String
        /// The rule that asks for it, with its source.
        public var rule: String
        /// Why, in words.
        public var reason: String
        /// The signals it concerns.
        public var signals: [String]
        /// The role responsible, when the protocol names one.
        public var responsible: String?
        /// The day it is due by, when there is a deadline.
        public var dueOn: String?
        /// The protocol whose deadline applies.
        public var protocolVersion: Int?

        /// The step `action`, asked by `rule` for `reason`.
        public init(action: String, rule: String, reason: String, signals: [String], responsible: String?, dueOn: String?, protocolVersion: Int?) {
            (self.action, self.rule, self.reason, self.signals) = (action, rule, reason, signals)
            (self.responsible, self.dueOn, self.protocolVersion) = (responsible, dueOn, protocolVersion)
        }
    }

    /// The case id.
    public var `case`: String
    /// The day judged on.
    public var on: String
    /// The steps, the most urgent first.
    public var steps: [Step]

    /// The steps of `case` on `on`.
    public init(case: String, on: String, steps: [Step]) { (self.case, self.on, self.steps) = (`case`, on, steps) }
}
