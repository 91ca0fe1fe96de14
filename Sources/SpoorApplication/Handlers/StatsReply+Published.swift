import SpoorDomain
import SpoorProtocol

extension StatsReply {
    /// The reply that shows `published`: its cells as counts or hidden, its groups by dimension name.
    init(_ published: PublishedStatistics, from: String?, to: String?, scope: String) {
        let names = published.dimensions.map(\.rawValue)
        func group(_ values: [String]) -> [String: String] { Dictionary(uniqueKeysWithValues: zip(names, values)) }
        self.init(
            from: from, to: to, by: names,
            rows: published.rows.map { row in
                Row(
                    group: group(row.group), youths: Count(row.youths), signals: Count(row.signals), consulted: Count(row.consulted),
                    reported: Count(row.reported), registered: Count(row.registered), medianDaysToConsultation: row.medianDaysToConsultation,
                    medianDaysToReport: row.medianDaysToReport, medianDaysToRegistration: row.medianDaysToRegistration)
            },
            youths: published.youthRows.map { row in
                YouthRow(
                    group: group(row.group), youths: Count(row.youths), screened: Count(row.screened), reported: Count(row.reported),
                    consent: row.consent.mapValues(Count.init), registration: row.registration.mapValues(Count.init),
                    declined: row.declined.mapValues(Count.init), refused: row.refused.mapValues(Count.init))
            },
            scope: scope, suppressedBelow: published.threshold, mergedGroups: published.mergedGroups, breakdownsWithheld: published.breakdownsWithheld
        )
    }
}

extension StatsReply.Count {
    init(_ cell: PublishedStatistics.Cell) {
        switch cell {
        case .count(let value): self = .count(value)
        case .hidden: self = .hidden
        }
    }
}
