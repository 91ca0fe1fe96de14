/// The research's question, "how many young victims, and why not registered", counted per youth
/// rather than per signal: how many youths had signals (and how many were screened, the
/// denominator), how far consent got, and how each youth was or was not registered.
///
/// A youth (a case) counts in the period when a signal of it not retracted, or a screening, falls
/// in it; its group is that of its first such signal (form: each form of its signals in the period).
public struct YouthStatistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: [String]
        /// Youths with at least one signal in the period.
        public var youths = 0
        /// Youths screened at intake in the period.
        public var screened = 0
        /// Youths with signals by where consent got: never-asked, asked, given, refused, waived, withdrawn-after-registration.
        public var consent: [String: Int] = [:]
        /// Youths with signals by registration: identifiable, withdrawn-after-registration, non-identifiable, elsewhere, declined, none.
        public var registration: [String: Int] = [:]
        /// Registrations declined, by reason.
        public var declined: [String: Int] = [:]
    }

    public let dimensions: [Statistics.Dimension]
    public let rows: [Row]

    public init(cases: some Sequence<CaseDigest>, from: Day? = nil, to: Day? = nil, by dimensions: [Statistics.Dimension] = [],
                region: String? = nil) {
        self.dimensions = dimensions
        func inPeriod(_ day: Day) -> Bool { (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true) }
        var rows: [[String]: Row] = [:]
        for state in cases {
            let signals = state.activeSignals.filter { inPeriod($0.observedOn) }
            let screenings = state.screenedOn.filter(inPeriod)
            guard let first = signals.map(\.observedOn).min() ?? screenings.min() else { continue }
            let forms = Set(signals.flatMap { $0.formsOfExploitation.isEmpty ? ["unknown"] : $0.formsOfExploitation })
            let groups = Self.groups(of: state, firstOn: first, forms: signals.isEmpty ? ["none"] : forms.sorted(), by: dimensions, region: region)
            for group in groups {
                var row = rows[group] ?? Row(group: group)
                if !screenings.isEmpty { row.screened += 1 }
                if !signals.isEmpty {
                    row.youths += 1
                    row.consent[state.consent.rawValue, default: 0] += 1
                    row.registration[Self.registration(of: state), default: 0] += 1
                    for reason in state.declinedReasons { row.declined[reason, default: 0] += 1 }
                }
                rows[group] = row
            }
        }
        self.rows = rows.values.sorted { $0.group.lexicographicallyPrecedes($1.group) }
    }

    /// How CoMensha came to know the youth, or why not.
    static func registration(of state: CaseDigest) -> String {
        if state.consent == .withdrawnAfterRegistration { return CaseDigest.ConsentOutcome.withdrawnAfterRegistration.rawValue }
        if state.registrations.contains(where: { $0.kind == "identifiable" }) { return "identifiable" }
        if !state.registrations.isEmpty { return "non-identifiable" }
        if state.registeredElsewhere { return "elsewhere" }
        return state.declinedReasons.isEmpty ? "none" : "declined"
    }

    private static func groups(of state: CaseDigest, firstOn day: Day, forms: [String], by dimensions: [Statistics.Dimension],
                               region: String?) -> [[String]] {
        dimensions.reduce([[]]) { groups, dimension in
            let values = dimension == .form ? forms : [Statistics.value(of: dimension, on: day, in: state, region: region)]
            return groups.flatMap { group in values.map { group + [$0] } }
        }
    }
}
