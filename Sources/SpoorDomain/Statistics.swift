/// Anonymous figures along the slachtoffermonitor's dimensions: how many signals, how far they got
/// along the funnel signal → consultation → report → registration, and how long each step took.
///
/// The unit is a signal (not retracted) observed in the period. Only the case skeleton is read,
/// (its ``CaseDigest``), never personal content, so erasing a case's personal data leaves every figure as it was.
public struct Statistics: Sendable, Equatable {
    /// What figures can be grouped by.
    public enum Dimension: String, Sendable, CaseIterable {
        /// A signal with two forms of exploitation counts under each.
        case form, ageGroup = "age-group", age, gender, nationality, country, border, region, unit, month, year
    }

    public struct Row: Sendable, Equatable {
        /// The value of each requested dimension, in the order requested.
        public var group: [String]
        /// The youths (cases) whose signals the row counts.
        public var youths = 0
        public var signals = 0
        public var consulted = 0
        public var reported = 0
        public var registered = 0
        /// Median days from observation to the first consultation, report and registration.
        public var medianDaysToConsultation: Double?
        public var medianDaysToReport: Double?
        public var medianDaysToRegistration: Double?
    }

    public let dimensions: [Dimension]
    public var rows: [Row] { tallies.map { $0.value.row(group: $0.key) }.sorted { $0.group.lexicographicallyPrecedes($1.group) } }
    /// Each group's signals, with the youths they are of: what a merge of groups adds up again.
    let tallies: [[String]: Tally]

    /// The figures of `cases` for signals observed from `from` through `to`, grouped by `dimensions`.
    /// `institution` names each case's region, by its unit, as its registrations do.
    public init(
        cases: some Sequence<CaseDigest>, from: Day? = nil, to: Day? = nil, by dimensions: [Dimension] = [],
        institution: Decider.Institution = .init(), linked: LinkedYouths? = nil
    ) {
        var counter = Counter(from: from, to: to, by: dimensions, institution: institution, linked: linked ?? LinkedYouths(cases))
        for state in cases { counter.add(state) }
        self = counter.statistics
    }

    /// The figures gathered a case at a time, so that one pass over the store feeds both tables.
    public struct Counter {
        let from: Day?, to: Day?, dimensions: [Dimension], institution: Decider.Institution, linked: LinkedYouths
        var tallies: [[String]: Tally] = [:]

        public init(from: Day?, to: Day?, by dimensions: [Dimension], institution: Decider.Institution, linked: LinkedYouths) {
            (self.from, self.to, self.dimensions, self.institution, self.linked) = (from, to, dimensions, institution, linked)
        }

        public mutating func add(_ state: CaseDigest) {
            for signal in state.activeSignals where Statistics.contains(signal.observedOn, from: from, to: to) {
                let steps = Steps(signal: signal, in: state)
                for group in Statistics.groups(of: signal, in: state, by: dimensions, institution: institution) {
                    tallies[group, default: Tally()].add(steps, of: linked.youth(of: state.caseID))
                }
            }
        }

        public var statistics: Statistics { Statistics(dimensions: dimensions, tallies: tallies) }
    }

    init(dimensions: [Dimension], tallies: [[String]: Tally]) {
        (self.dimensions, self.tallies) = (dimensions, tallies)
    }

    /// The number of youths in each group, for merging the small ones.
    var youthsByGroup: [[String]: Set<String>] { tallies.mapValues(\.youths) }

    /// The figures with the groups of `merged` counted together as `into`.
    func merging(_ merged: Set<[String]>, into: [String]) -> Statistics {
        var tallies = self.tallies.filter { !merged.contains($0.key) }
        for group in merged { if let tally = self.tallies[group] { tallies[into, default: Tally()].merge(tally) } }
        return Statistics(dimensions: dimensions, tallies: tallies)
    }

    /// The age groups the monitor reports in.
    public static func ageGroup(_ age: Int) -> String {
        switch age {
        case ..<12: "0-11"
        case 12...15: "12-15"
        case 16...17: "16-17"
        default: "18-23"
        }
    }

    private static func contains(_ day: Day, from: Day?, to: Day?) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// Every combination of dimension values `signal` falls under (several when it has several forms).
    private static func groups(of signal: CaseDigest.Signal, in state: CaseDigest, by dimensions: [Dimension], institution: Decider.Institution)
        -> [[String]]
    {
        dimensions.reduce([[]]) { groups, dimension in
            let values = self.values(of: dimension, signal: signal, state: state, institution: institution)
            return groups.flatMap { group in values.map { group + [$0] } }
        }
    }

    private static func values(of dimension: Dimension, signal: CaseDigest.Signal, state: CaseDigest, institution: Decider.Institution) -> [String] {
        switch dimension {
        case .form: signal.formsOfExploitation.isEmpty ? ["unknown"] : signal.formsOfExploitation.sorted()
        case .border: [border(signal.crossBorder)]
        default: [value(of: dimension, on: signal.observedOn, in: state, institution: institution)]
        }
    }

    /// Domestic or cross-border, as the monitor reports it.
    static func border(_ crossBorder: Bool?) -> String { crossBorder.map { $0 ? "cross-border" : "domestic" } ?? "unknown" }

    /// The value of a dimension of the youth (not of one signal), for something of `state` that happened on `day`.
    static func value(of dimension: Dimension, on day: Day, in state: CaseDigest, institution: Decider.Institution) -> String {
        let observed = day.components
        switch dimension {
        case .form: return "unknown"
        case .border:
            return border(
                state.activeSignals.contains { $0.crossBorder == true }
                    ? true
                    : state.activeSignals.contains { $0.crossBorder == false } ? false : nil)
        case .ageGroup: return ageGroup(state.ageAtFirstSignal ?? state.youth.ageAtOpening)
        case .age: return String(state.ageAtFirstSignal ?? state.youth.ageAtOpening)
        case .gender: return state.youth.gender.rawValue
        case .nationality: return state.youth.nationalityGroup.rawValue
        case .country: return state.youth.nationality ?? (state.youth.nationalityGroup == .dutch ? "NL" : state.youth.nationalityGroup.rawValue)
        case .region: return institution.region(of: state.unit) ?? "unknown"
        case .unit: return state.unit
        case .month: return "\(observed.year)-\(observed.month < 10 ? "0" : "")\(observed.month)"
        case .year: return "\(observed.year)"
        }
    }
}

extension Statistics {
    /// The days from a signal's observation to each later step it reached.
    struct Steps {
        var toConsultation: Int?
        var toReport: Int?
        var toRegistration: Int?

        init(signal: CaseDigest.Signal, in state: CaseDigest) {
            let id = signal.id
            let observed = signal.observedOn
            func days(_ dates: [Day]) -> Int? { dates.min().map { max(0, $0.ordinal - observed.ordinal) } }
            toConsultation = days(state.consultations.filter { $0.signalIDs.contains(id) }.map(\.heldOn))
            toReport = days(state.reports.filter { $0.signalIDs.contains(id) }.map(\.reportedOn))
            toRegistration = days(state.registeredOn.filter { $0 >= observed })
        }
    }

    struct Tally: Sendable, Equatable {
        var youths: Set<String> = []
        var signals = 0
        var consultation: [Int] = []
        var report: [Int] = []
        var registration: [Int] = []

        mutating func add(_ steps: Steps, of youth: String) {
            youths.insert(youth)
            signals += 1
            if let days = steps.toConsultation { consultation.append(days) }
            if let days = steps.toReport { report.append(days) }
            if let days = steps.toRegistration { registration.append(days) }
        }

        mutating func merge(_ other: Tally) {
            youths.formUnion(other.youths)
            signals += other.signals
            consultation += other.consultation
            report += other.report
            registration += other.registration
        }

        func row(group: [String]) -> Row {
            Row(
                group: group, youths: youths.count, signals: signals, consulted: consultation.count, reported: report.count,
                registered: registration.count, medianDaysToConsultation: Self.median(consultation),
                medianDaysToReport: Self.median(report), medianDaysToRegistration: Self.median(registration))
        }

        static func median(_ values: [Int]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        }
    }
}
