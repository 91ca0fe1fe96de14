/// The afwegingskader's answers and the decisions they allow (meldcode steps 4 and 5), as data:
/// the decider checks a weighing against it, and `protocol graph` draws the decision tree from it.
/// The reporting norms (N1 to N3) come from ``WeighingRecorded/norm(for:)``.
public enum Afwegingskader {
    public struct Branch: Sendable {
        /// The answers this branch covers, in words, as the decision tree labels it.
        public let when: String
        /// The same in the afwegingskader's own Dutch.
        public let wanneer: String
        public let applies: @Sendable (WeighingRecorded.Answers) -> Bool
        public let allowed: [WeighingRecorded.Decision]
        public let source: String
    }

    static let source = "Afwegingskader meldcode huiselijk geweld en kindermishandeling (2019)"

    /// The branches, first match wins.
    public static let branches: [Branch] = [
        Branch(
            when: "no suspicion (question 1: no)", wanneer: "geen vermoeden (vraag 1: nee)", applies: { !$0.suspicion },
            allowed: [.noFurtherAction, .help],
            source: "\(source), question 1: without a suspicion the meldcode ends; help may still be offered"),
        Branch(
            when: "suspicion and a reporting norm (N1, N2 or N3)", wanneer: "vermoeden en een meldnorm (N1, N2 of N3)",
            applies: { WeighingRecorded.norm(for: $0) != nil },
            allowed: [.report, .reportAndHelp], source: "\(source), questions 2, 3 and 5: the norms oblige a report to Veilig Thuis"),
        Branch(
            when: "suspicion, effective help accepted", wanneer: "vermoeden, passende hulp aanvaard", applies: { _ in true },
            allowed: [.help, .reportAndHelp],
            source: "\(source), questions 3 and 4: a suspicion is followed by help, with or without a report; never by nothing"),
    ]

    /// The branch `answers` fall under.
    public static func branch(for answers: WeighingRecorded.Answers) -> Branch {
        branches.first { $0.applies(answers) }!  // the last branch applies to every answer
    }
}
