/// The research's question, "how many young victims, and why not registered", counted per youth
/// rather than per signal: how many youths had signals (and how many were screened, the
/// denominator), how many were reported to Veilig Thuis, how far consent got, and how each youth
/// was registered or why not.
///
/// A youth counts in the period when a signal of it not retracted, or a screening, falls in it; its
/// group is that of its first such signal (form: each form of its signals in the period). Cases of
/// one youth (``LinkedYouths``: matched by the blind index, or linked by an officer) count once,
/// with the furthest any of them got.
public struct YouthStatistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: [String]
        /// Youths with at least one signal in the period.
        public var youths = 0
        /// Youths screened at intake in the period.
        public var screened = 0
        /// Youths with signals reported to Veilig Thuis.
        public var reported = 0
        /// Youths with signals by where consent got: never-asked, asked, given, refused, waived, withdrawn-after-registration.
        public var consent: [String: Int] = [:]
        /// Youths with signals by how they were registered, or why not: identifiable, withdrawn-after-registration,
        /// non-identifiable, elsewhere, declined, refused, overdue, due, not-called-for.
        public var registration: [String: Int] = [:]
        /// Registrations declined, by reason.
        public var declined: [String: Int] = [:]
        /// Youths not registered because consent was refused or withdrawn, by the party whose refusal stands.
        public var refused: [String: Int] = [:]
    }

    /// What one youth adds to the rows of its groups.
    struct Facts: Sendable, Equatable {
        var screened: Bool
        var hasSignals: Bool
        var reported: Bool
        var consent: String
        var registration: String
        var declined: [String]
        /// The parties whose refusal stands, where that is why the youth was not registered.
        var refusedBy: [String]

        /// One youth's facts from two of its cases: the furthest either got.
        func merged(with other: Facts) -> Facts {
            func furthest(_ a: String, _ b: String, _ order: [String]) -> String {
                (order.firstIndex(of: a) ?? order.count) <= (order.firstIndex(of: b) ?? order.count) ? a : b
            }
            return Facts(
                screened: screened || other.screened, hasSignals: hasSignals || other.hasSignals, reported: reported || other.reported,
                consent: furthest(consent, other.consent, Self.consentOrder),
                registration: furthest(registration, other.registration, Self.registrationOrder),
                declined: Array(Set(declined + other.declined)).sorted(), refusedBy: Array(Set(refusedBy + other.refusedBy)).sorted())
        }

        static let consentOrder = ["withdrawn-after-registration", "given", "waived", "refused", "asked", "never-asked"]
        static let registrationOrder = [
            "identifiable", "withdrawn-after-registration", "non-identifiable", "elsewhere", "declined", "refused",
            "overdue", "due", "not-called-for",
        ]
    }

    public let dimensions: [Statistics.Dimension]
    /// Each group's youths, by case id.
    let members: [[String]: [String: Facts]]

    public var rows: [Row] {
        members.map { group, youths in
            var row = Row(group: group)
            for facts in youths.values {
                if facts.screened { row.screened += 1 }
                guard facts.hasSignals else { continue }
                row.youths += 1
                if facts.reported { row.reported += 1 }
                row.consent[facts.consent, default: 0] += 1
                row.registration[facts.registration, default: 0] += 1
                for reason in facts.declined { row.declined[reason, default: 0] += 1 }
                if facts.registration == "refused" { for party in facts.refusedBy { row.refused[party, default: 0] += 1 } }
            }
            return row
        }.sorted { $0.group.lexicographicallyPrecedes($1.group) }
    }

    /// The youths of `cases` in the period from `from` through `to`; a registration due is overdue
    /// when its deadline lies before `asOf`.
    public init(
        cases: some Sequence<CaseDigest>, from: Day? = nil, to: Day? = nil, by dimensions: [Statistics.Dimension] = [],
        institution: Decider.Institution = .init(), asOf: Day? = nil, linked: LinkedYouths? = nil
    ) {
        var counter = Counter(
            from: from, to: to, by: dimensions, institution: institution, asOf: asOf, linked: linked ?? LinkedYouths(cases))
        for state in cases { counter.add(state) }
        self = counter.statistics
    }

    /// The youths gathered a case at a time, so that one pass over the store feeds both tables.
    public struct Counter {
        let from: Day?, to: Day?, dimensions: [Statistics.Dimension], institution: Decider.Institution, asOf: Day?
        let linked: LinkedYouths
        var members: [[String]: [String: Facts]] = [:]

        public init(
            from: Day?, to: Day?, by dimensions: [Statistics.Dimension], institution: Decider.Institution, asOf: Day?, linked: LinkedYouths
        ) {
            (self.from, self.to, self.dimensions, self.institution, self.asOf, self.linked) = (from, to, dimensions, institution, asOf, linked)
        }

        public mutating func add(_ state: CaseDigest) {
            func inPeriod(_ day: Day) -> Bool { (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true) }
            let signals = state.activeSignals.filter { inPeriod($0.observedOn) }
            let screenings = state.screenedOn.filter(inPeriod)
            guard let first = signals.map(\.observedOn).min() ?? screenings.min() else { return }
            let forms = Set(signals.flatMap { $0.formsOfExploitation.isEmpty ? ["unknown"] : $0.formsOfExploitation })
            let facts = Facts(
                screened: !screenings.isEmpty, hasSignals: !signals.isEmpty, reported: !state.reports.isEmpty,
                consent: state.consent.rawValue, registration: YouthStatistics.registration(of: state, asOf: asOf),
                declined: state.declinedReasons, refusedBy: state.refusedBy)
            for group in YouthStatistics.groups(
                of: state, firstOn: first, forms: signals.isEmpty ? ["none"] : forms.sorted(), by: dimensions, institution: institution)
            {
                let youth = linked.youth(of: state.caseID)
                members[group, default: [:]][youth] = members[group]?[youth].map { $0.merged(with: facts) } ?? facts
            }
        }

        public var statistics: YouthStatistics { YouthStatistics(dimensions: dimensions, members: members) }
    }

    init(dimensions: [Statistics.Dimension], members: [[String]: [String: Facts]]) {
        (self.dimensions, self.members) = (dimensions, members)
    }

    /// The youths with signals in each group, for merging the small ones.
    var youthsByGroup: [[String]: Set<String>] { members.mapValues { Set($0.filter(\.value.hasSignals).keys) } }

    /// The figures with the groups of `merged` counted together as `into`, each youth once.
    func merging(_ merged: Set<[String]>, into: [String]) -> YouthStatistics {
        var members = self.members.filter { !merged.contains($0.key) }
        for group in merged { members[into, default: [:]].merge(self.members[group] ?? [:]) { first, _ in first } }
        return YouthStatistics(dimensions: dimensions, members: members)
    }

    /// How CoMensha came to know the youth, or why not.
    static func registration(of state: CaseDigest, asOf: Day? = nil) -> String {
        if state.consent == .withdrawnAfterRegistration { return CaseDigest.ConsentOutcome.withdrawnAfterRegistration.rawValue }
        if state.registrations.contains(where: { $0.kind == "identifiable" }) { return "identifiable" }
        if !state.registrations.isEmpty { return "non-identifiable" }
        if state.registeredElsewhere { return "elsewhere" }
        if !state.declinedReasons.isEmpty { return "declined" }
        if !state.refusedBy.isEmpty { return "refused" }  // a standing refusal or withdrawal: why no registration was made
        guard let due = state.pending.first(where: { $0.kind == .registrationDue }) else { return "not-called-for" }
        if let asOf, let deadline = due.dueOn, deadline < asOf { return "overdue" }
        return "due"
    }

    fileprivate static func groups(
        of state: CaseDigest, firstOn day: Day, forms: [String], by dimensions: [Statistics.Dimension],
        institution: Decider.Institution
    ) -> [[String]] {
        dimensions.reduce([[]]) { groups, dimension in
            let values = dimension == .form ? forms : [Statistics.value(of: dimension, on: day, in: state, institution: institution)]
            return groups.flatMap { group in values.map { group + [$0] } }
        }
    }
}
