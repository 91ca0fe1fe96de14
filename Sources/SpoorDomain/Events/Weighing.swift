import SpoorJSON
/// Meldcode steps 4 and 5: the afwegingskader's five questions and the decision.
public struct WeighingRecorded: Codable, Sendable, Equatable {
    public struct Answers: Codable, Sendable, Equatable {
        /// 1. Is there a suspicion?
        public var suspicion: Bool
        /// 2. Is there acute and/or structural unsafety?
        public var acuteOrStructuralUnsafety: Bool
        /// 3. Can I offer or arrange effective help?
        public var canOfferEffectiveHelp: Bool
        /// 4. Is the help accepted? `nil` when no help is offered.
        public var helpAccepted: Bool?
        /// 5. Does the help produce safety within the agreed time? `nil` when not known yet.
        public var helpProducesSafety: Bool?
    }

    public enum Decision: String, CaseIterable, NamedValues, Codable, Sendable {
        case report, help, reportAndHelp = "report-and-help", noFurtherAction = "no-further-action"
        var reports: Bool { self == .report || self == .reportAndHelp }
        var helps: Bool { self == .help || self == .reportAndHelp }
    }

    /// The reporting norms: N1 acute or structural unsafety, N2 no effective help possible,
    /// N3 help does not end the unsafety.
    public enum Norm: String, CaseIterable, NamedValues, Codable, Sendable { case n1 = "N1", n2 = "N2", n3 = "N3" }

    public var signalIDs: [String]
    public var weighedOn: Day
    public var answers: Answers
    public var decision: Decision
    /// The norm that obliges the report, derived from the answers; `nil` when none does.
    public var norm: Norm?
    /// The day agreed to evaluate the help decided on; by default the protocol's period.
    public var evaluateOn: Day?
    /// Sealed: the reasoning.
    public var personal: Note?

    /// The norm the answers invoke, if any: the first of N1, N2, N3 that applies.
    public static func norm(for answers: Answers) -> Norm? {
        guard answers.suspicion else { return nil }
        if answers.acuteOrStructuralUnsafety { return .n1 }
        if !answers.canOfferEffectiveHelp || answers.helpAccepted == false { return .n2 }
        if answers.helpProducesSafety == false { return .n3 }
        return nil
    }
}
