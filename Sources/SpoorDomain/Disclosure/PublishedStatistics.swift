/// The figures as a reader is shown them: exact to a care role, for the cases of its units; to
/// every other role protected so that they identify nobody, by the method of the statistical
/// disclosure control handbook (Hundepool et al.) that τ-ARGUS, the Dutch statistics office's tool,
/// implements for tables:
/// - a group with fewer youths than the threshold is merged into `other` (table redesign), and
///   `mergedGroups` says how many were;
/// - every count under the threshold is hidden (primary suppression), and more counts of its line
///   are hidden until no hidden count can be worked out from the line's total, from another
///   grouping of the same figures, or from the other figures of its row
///   (``ComplementarySuppression``);
/// - a median is shown only where the count it is the median of is shown;
/// - a table has one dimension, and the breakdowns per youth (consent, registration, declined, refused) are
///   shown for the whole period only: a cross table's margins are other tables, and suppression
///   alone does not protect a cell against all of them at once.
public struct PublishedStatistics: Sendable, Equatable {
    /// A count as shown: exact, or hidden.
    public enum Cell: Sendable, Equatable {
        case count(Int)
        case hidden
    }

    public struct SignalRow: Sendable, Equatable {
        public var group: [String]
        public var youths, signals, consulted, reported, registered: Cell
        public var medianDaysToConsultation, medianDaysToReport, medianDaysToRegistration: Double?
    }

    public struct YouthRow: Sendable, Equatable {
        public var group: [String]
        public var youths, screened, reported: Cell
        public var consent, registration, declined, refused: [String: Cell]
    }

    public let dimensions: [Statistics.Dimension]
    public let rows: [SignalRow]
    public let youthRows: [YouthRow]
    /// The groups merged into ``otherGroup`` in either table, because they held too few youths.
    public let mergedGroups: Int
    /// The threshold the figures were protected by; `nil`: exact.
    public let threshold: Int?
    /// Whether the breakdowns per youth are left out of the rows of groups (shown for the whole period only).
    public let breakdownsWithheld: Bool

    /// The group that small groups are merged into.
    public static let otherGroup = "other"

    /// The figures as they are, for a care role reading its own units' cases.
    public static func exact(_ signals: Statistics, _ youths: YouthStatistics) -> PublishedStatistics {
        PublishedStatistics(
            dimensions: signals.dimensions, rows: signals.rows.map { SignalRow(exact: $0) }, youthRows: youths.rows.map { YouthRow(exact: $0) },
            mergedGroups: 0, threshold: nil, breakdownsWithheld: false)
    }

    /// The figures protected for a reader without care access; more than one dimension is refused.
    public static func protected(_ signals: Statistics, _ youths: YouthStatistics, threshold: Int) throws(DomainError) -> PublishedStatistics {
        guard signals.dimensions.count <= 1 else {
            throw .invalidField(
                "by",
                """
                roles without care access get one dimension a table: a cross table's margins are other tables, \
                and hidden cells could be worked out from them together
                """)
        }
        let other = signals.dimensions.map { _ in otherGroup }
        let signalMerge = Self.smallGroups(signals.youthsByGroup, threshold: threshold)
        let youthMerge = Self.smallGroups(youths.youthsByGroup, threshold: threshold)
        let mergedSignals = signals.merging(signalMerge, into: other).rows
        let mergedYouths = youths.merging(youthMerge, into: other).rows
        return PublishedStatistics(
            dimensions: signals.dimensions, rows: Self.protect(mergedSignals, threshold: threshold),
            youthRows: Self.protect(mergedYouths, breakdowns: signals.dimensions.isEmpty, threshold: threshold),
            mergedGroups: signalMerge.count + youthMerge.count, threshold: threshold, breakdownsWithheld: !signals.dimensions.isEmpty)
    }

    /// The groups to merge: each with fewer youths than the threshold, and then the smallest others
    /// until the merged group holds at least the threshold, or every group is merged.
    static func smallGroups(_ youths: [[String]: Set<String>], threshold: Int) -> Set<[String]> {
        guard youths.count > 1 || youths.keys.first.map({ !$0.isEmpty }) == true else { return [] }  // the total is not merged
        var merged = Set(youths.filter { $0.value.count < threshold }.keys)
        var inOther = merged.reduce(into: Set<String>()) { $0.formUnion(youths[$1]!) }
        let rest = youths.filter { !merged.contains($0.key) }.sorted { ($0.value.count, $0.key.joined()) < ($1.value.count, $1.key.joined()) }
        for (group, members) in rest where !merged.isEmpty && inOther.count < threshold {
            merged.insert(group)
            inOther.formUnion(members)
        }
        return merged.count == 1 && youths.count == 1 ? [] : merged
    }

    private static func protect(_ rows: [Statistics.Row], threshold: Int) -> [SignalRow] {
        let small = Set(rows.indices.filter { rows[$0].youths < threshold })  // only a lone group of too few youths
        func column(_ value: (Statistics.Row) -> Int) -> [Cell] {
            let values = rows.map(value)
            let hidden = ComplementarySuppression.hidden(values, bounds: rows.map { $0.signals }, threshold: threshold).union(small)
            return values.indices.map { hidden.contains($0) ? .hidden : .count(values[$0]) }
        }
        let (consulted, reported, registered) = (column(\.consulted), column(\.reported), column(\.registered))
        return rows.indices.map { index in
            let row = rows[index], shown = !small.contains(index)
            func median(_ value: Double?, of base: Cell) -> Double? { base == .hidden ? nil : value }
            return SignalRow(
                group: row.group, youths: shown ? .count(row.youths) : .hidden, signals: shown ? .count(row.signals) : .hidden,
                consulted: consulted[index], reported: reported[index], registered: registered[index],
                medianDaysToConsultation: median(row.medianDaysToConsultation, of: consulted[index]),
                medianDaysToReport: median(row.medianDaysToReport, of: reported[index]),
                medianDaysToRegistration: median(row.medianDaysToRegistration, of: registered[index]))
        }
    }

    private static func protect(_ rows: [YouthStatistics.Row], breakdowns: Bool, threshold: Int) -> [YouthRow] {
        let small = Set(rows.indices.filter { rows[$0].youths < threshold })
        func column(_ values: [Int], bounds: [Int?]) -> [Cell] {
            let hidden = ComplementarySuppression.hidden(values, bounds: bounds, threshold: threshold)
            return values.indices.map { hidden.contains($0) ? .hidden : .count(values[$0]) }
        }
        let screened = column(rows.map(\.screened), bounds: rows.map { _ in nil })
        let reported = column(rows.map(\.reported), bounds: rows.map { $0.youths }).enumerated().map {
            small.contains($0.offset) ? .hidden : $0.element
        }
        func breakdown(_ counts: [String: Int]) -> [String: Cell] {
            guard breakdowns else { return [:] }
            let keys = counts.keys.sorted()
            return Dictionary(uniqueKeysWithValues: zip(keys, column(keys.map { counts[$0]! }, bounds: keys.map { _ in nil })))
        }
        return rows.indices.map { index in
            let row = rows[index], shown = !small.contains(index)
            return YouthRow(
                group: row.group, youths: shown ? .count(row.youths) : .hidden, screened: screened[index], reported: reported[index],
                consent: shown ? breakdown(row.consent) : [:], registration: shown ? breakdown(row.registration) : [:],
                declined: shown ? breakdown(row.declined) : [:], refused: shown ? breakdown(row.refused) : [:])
        }
    }
}

extension PublishedStatistics.SignalRow {
    init(exact row: Statistics.Row) {
        self.init(
            group: row.group, youths: .count(row.youths), signals: .count(row.signals), consulted: .count(row.consulted),
            reported: .count(row.reported), registered: .count(row.registered), medianDaysToConsultation: row.medianDaysToConsultation,
            medianDaysToReport: row.medianDaysToReport, medianDaysToRegistration: row.medianDaysToRegistration)
    }
}

extension PublishedStatistics.YouthRow {
    init(exact row: YouthStatistics.Row) {
        self.init(
            group: row.group, youths: .count(row.youths), screened: .count(row.screened), reported: .count(row.reported),
            consent: row.consent.mapValues { .count($0) }, registration: row.registration.mapValues { .count($0) },
            declined: row.declined.mapValues { .count($0) }, refused: row.refused.mapValues { .count($0) })
    }
}
