/// The reply to `stats`: the figures per signal and per youth, exact to a care role for the cases
/// of its units, protected for every other role (`suppressedBelow`).
public struct StatsReply: Codable, Sendable, Equatable {
    /// A count as shown: a number, or `"x"` where it is hidden (the statistics office's sign for a
    /// figure withheld so that nobody can be recognised).
    public enum Count: Codable, Sendable, Equatable, CustomStringConvertible {
        case count(Int)
        case hidden

        /// The sign of a hidden count.
        public static let hiddenSign = "x"

        /// A number, or the hidden sign; anything else is refused.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let sign = try? container.decode(String.self) {
                guard sign == Self.hiddenSign else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "a count is a number or \"\(Self.hiddenSign)\"")
                }
                self = .hidden
            } else {
                self = .count(try container.decode(Int.self))
            }
        }

        /// The number, or the hidden sign.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .count(let value): try container.encode(value)
            case .hidden: try container.encode(Self.hiddenSign)
            }
        }

        /// The number, or the hidden sign, as a table shows it.
        public var description: String {
            switch self {
            case .count(let value): String(value)
            case .hidden: Self.hiddenSign
            }
        }

        /// The number, where it is shown.
        public var value: Int? { if case .count(let value) = self { value } else { nil } }
    }

    /// One group's signals, and how far they got; a median is absent where it is not shown.
    public struct Row: Codable, Sendable, Equatable {
        /// The group's value for each dimension grouped by.
        public var group: [String: String]
        public var youths, signals, consulted, reported, registered: Count
        public var medianDaysToConsultation, medianDaysToReport, medianDaysToRegistration: Double?

        /// The row of `group`, with its counts and medians.
        public init(
            group: [String: String], youths: Count, signals: Count, consulted: Count, reported: Count, registered: Count,
            medianDaysToConsultation: Double?, medianDaysToReport: Double?, medianDaysToRegistration: Double?
        ) {
            (self.group, self.youths, self.signals, self.consulted, self.reported, self.registered) =
                (group, youths, signals, consulted, reported, registered)
            (self.medianDaysToConsultation, self.medianDaysToReport, self.medianDaysToRegistration) =
                (medianDaysToConsultation, medianDaysToReport, medianDaysToRegistration)
        }
    }

    /// One group's youths: screened, reported to Veilig Thuis, and by consent, registration (or why
    /// not), reasons declined and the parties whose refusal stands.
    public struct YouthRow: Codable, Sendable, Equatable {
        /// The group's value for each dimension grouped by.
        public var group: [String: String]
        public var youths, screened, reported: Count
        public var consent, registration, declined, refused: [String: Count]

        /// The row of `group`'s youths, with the breakdowns.
        public init(
            group: [String: String], youths: Count, screened: Count, reported: Count, consent: [String: Count],
            registration: [String: Count], declined: [String: Count], refused: [String: Count]
        ) {
            (self.group, self.youths, self.screened, self.reported) = (group, youths, screened, reported)
            (self.consent, self.registration, self.declined, self.refused) = (consent, registration, declined, refused)
        }
    }

    /// The period asked for, when one was.
    public var from, to: String?
    /// The dimensions grouped by, in order.
    public var by: [String]
    /// The figures per signal, by group.
    public var rows: [Row]
    /// The figures per youth, by group.
    public var youths: [YouthRow]
    /// Whose cases the figures count: `all` (protected), or `units` (exact, the caller's units').
    public var scope: String
    /// The threshold counts were protected by; absent where the figures are exact.
    public var suppressedBelow: Int?
    /// Groups with too few youths, merged into the group `other`.
    public var mergedGroups: Int
    /// Whether the breakdowns per youth are shown for the whole period only, not per group.
    public var breakdownsWithheld: Bool

    /// The figures of the period `from` to `to`, grouped by `by`, with how they were protected.
    public init(
        from: String?, to: String?, by: [String], rows: [Row], youths: [YouthRow], scope: String, suppressedBelow: Int?,
        mergedGroups: Int, breakdownsWithheld: Bool
    ) {
        (self.from, self.to, self.by, self.rows, self.youths) = (from, to, by, rows, youths)
        (self.scope, self.suppressedBelow, self.mergedGroups, self.breakdownsWithheld) = (scope, suppressedBelow, mergedGroups, breakdownsWithheld)
    }
}
