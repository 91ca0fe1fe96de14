/// Risicotaxatie: repeated, not done once, so it carries the date of the next one.
public struct RiskAssessed: Codable, Sendable, Equatable {
    public var instrument: String
    public var outcome: String
    public var assessedOn: Day
    public var nextDueOn: Day
}
