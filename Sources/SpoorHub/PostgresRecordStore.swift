import Logging
import PostgresNIO
import SpoorDomain
import SpoorProtocol
import SpoorWitness

/// The hub's registration records in PostgreSQL: the record as proved, and its fields in
/// columns for the national statistics. One row per institution and position, so a retry is
/// harmless; a second record at a position is refused. Rows past retention are deleted.
public struct PostgresRecordStore: RecordStore {
    let database: HubDatabase
    let logger: Logger
    /// How many months a record is kept after its month (pseudonymised personal data, kept for the
    /// national statistics only); the counts the statistics read are kept.
    let retentionMonths: Int

    public init(database: HubDatabase, logger: Logger, retentionMonths: Int = 60) {
        (self.database, self.logger, self.retentionMonths) = (database, logger, retentionMonths)
    }

    public func migrate() async throws {
        try await database.onPrimary(within: .seconds(60)) { [logger] client in
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS registration_records (
                    origin text NOT NULL, position bigint NOT NULL, tree_size bigint NOT NULL, leaf bytea NOT NULL, record text NOT NULL,
                    kind text NOT NULL, purpose text NOT NULL, basis text NOT NULL, month date NOT NULL, age_band text NOT NULL,
                    forms text[] NOT NULL, gender text NOT NULL, nationality_group text NOT NULL, region text, pseudonym text NOT NULL,
                    replaces_earlier boolean NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (origin, position))
                """, logger: logger)
            try await client.query(
                "CREATE INDEX IF NOT EXISTS registration_records_youth ON registration_records (origin, pseudonym, position)", logger: logger)
            try await client.query("CREATE INDEX IF NOT EXISTS registration_records_month ON registration_records (month)", logger: logger)
            // The national statistics read these, kept in the intake's transaction: their size follows the groups, not the records.
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS registration_counts (
                    month date NOT NULL, region text NOT NULL, age_band text NOT NULL, gender text NOT NULL, kind text NOT NULL, basis text NOT NULL,
                    purpose text NOT NULL, registrations bigint NOT NULL, youths bigint NOT NULL,
                    PRIMARY KEY (month, region, age_band, gender, kind, basis, purpose))
                """, logger: logger)
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS registration_form_counts (
                    month date NOT NULL, form text NOT NULL, registrations bigint NOT NULL, youths bigint NOT NULL, PRIMARY KEY (month, form))
                """, logger: logger)
        }
    }

    public func store(_ records: [AcceptedRecord], origin: String) async throws -> RecordReceipt {
        do {
            return try await insert(records, origin: origin)
        } catch let error as PostgresTransactionError {
            // A conflict thrown inside rolls the transaction back; PostgresNIO wraps it.
            throw error.closureError ?? error
        }
    }

    private func insert(_ records: [AcceptedRecord], origin: String) async throws -> RecordReceipt {
        try await database.onPrimary { [logger, retentionMonths] client in
            try await client.withTransaction(logger: logger) { connection in
                let positions = records.map { Int64($0.position) }
                let inserted = try await connection.query(
                    """
                    INSERT INTO registration_records (origin, position, tree_size, leaf, record, kind, purpose, basis, month, age_band, forms, gender,
                                                      nationality_group, region, pseudonym, replaces_earlier)
                    SELECT \(origin), r.position, r.tree_size, decode(r.leaf, 'hex'), r.record, r.kind, r.purpose, r.basis, (r.month || '-01')::date,
                           r.age_band, string_to_array(r.forms, ','), r.gender, r.nationality_group, NULLIF(r.region, ''), r.pseudonym,
                           r.replaces_earlier
                    FROM unnest(\(positions)::bigint[], \(records.map { Int64($0.treeSize) })::bigint[], \(records.map(\.leaf.hex))::text[],
                                \(records.map(\.text))::text[], \(records.map(\.record.kind.rawValue))::text[],
                                \(records.map(\.record.purpose.rawValue))::text[],
                                \(records.map(\.record.basis.rawValue))::text[], \(records.map(\.record.month))::text[],
                                \(records.map(\.record.ageBand))::text[],
                                \(records.map { $0.record.formsOfExploitation.joined(separator: ",") })::text[],
                                \(records.map(\.record.gender.rawValue))::text[], \(records.map(\.record.nationalityGroup.rawValue))::text[],
                                \(records.map { $0.record.region ?? "" })::text[], \(records.map(\.record.pseudonym))::text[],
                                \(records.map(\.record.replacesEarlier))::boolean[])
                         AS r(position, tree_size, leaf, record, kind, purpose, basis, month, age_band, forms, gender, nationality_group, region,
                              pseudonym, replaces_earlier)
                    ON CONFLICT (origin, position) DO NOTHING
                    RETURNING position
                    """, logger: logger)
                var new: Set<Int64> = []
                for try await position in inserted.decode(Int64.self) { new.insert(position) }
                let held = records.filter { !new.contains(Int64($0.position)) }
                if !held.isEmpty {
                    let rows = try await connection.query(
                        """
                        SELECT position, encode(leaf, 'hex') FROM registration_records
                        WHERE origin = \(origin) AND position = ANY(\(held.map { Int64($0.position) }))
                        """, logger: logger)
                    var leaves: [Int64: String] = [:]
                    for try await (position, leaf) in rows.decode((Int64, String).self) { leaves[position] = leaf }
                    if let other = held.first(where: { leaves[Int64($0.position)] != $0.leaf.hex }) {
                        throw WitnessRefusal(
                            409, "the hub holds another record at position \(other.position) of \(origin): the log shows two events at one place",
                            origin: origin)
                    }
                }
                if !new.isEmpty { try await Self.count(Array(new), of: origin, on: connection, logger: logger) }
                // Past retention, a record goes, whoever sent it; each intake applies it, a range read on the month's index.
                try await connection.query(
                    """
                    DELETE FROM registration_records
                    WHERE month < (date_trunc('month', now()) - make_interval(months => \(Int32(retentionMonths))))::date
                    """, logger: logger)
                return RecordReceipt(stored: new.count, already: held.count)
            }
        }
    }

    /// Adds the new records at `positions` to the statistics' counts. A youth counts in the group of
    /// the youth's first registration at the institution: a record with no earlier one of its pseudonym.
    private static func count(_ positions: [Int64], of origin: String, on connection: PostgresConnection, logger: Logger) async throws {
        let new = """
            SELECT r.*, NOT EXISTS (SELECT 1 FROM registration_records e WHERE e.origin = r.origin AND e.pseudonym = r.pseudonym
                                    AND e.position < r.position) AS first
            FROM registration_records r WHERE r.origin = $1 AND r.position = ANY($2)
            """
        var bindings = PostgresBindings()
        bindings.append(origin)
        bindings.append(positions)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO registration_counts AS c (month, region, age_band, gender, kind, basis, purpose, registrations, youths)
                    SELECT month, coalesce(region, ''), age_band, gender, kind, basis, purpose, count(*), count(*) FILTER (WHERE first)
                    FROM (\(new)) n
                    GROUP BY 1, 2, 3, 4, 5, 6, 7
                    ON CONFLICT (month, region, age_band, gender, kind, basis, purpose)
                    DO UPDATE SET registrations = c.registrations + EXCLUDED.registrations, youths = c.youths + EXCLUDED.youths
                    """, binds: bindings), logger: logger)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO registration_form_counts AS c (month, form, registrations, youths)
                    SELECT month, form, count(*), count(*) FILTER (WHERE first) FROM (\(new)) n CROSS JOIN unnest(n.forms) AS f(form)
                    GROUP BY 1, 2
                    ON CONFLICT (month, form)
                    DO UPDATE SET registrations = c.registrations + EXCLUDED.registrations, youths = c.youths + EXCLUDED.youths
                    """, binds: bindings), logger: logger)
    }

    /// The counts of `dimension` (all registrations when `nil`) for the months `from` through `to`.
    public func counts(by dimension: NationalStatistics.Dimension?, from: String, to: String) async throws -> [NationalStatistics.Count] {
        let (table, column): (String, String) =
            switch dimension {
            case nil: ("registration_counts", "''")
            case .form?: ("registration_form_counts", "form")
            case .month?: ("registration_counts", "to_char(month, 'YYYY-MM')")
            case .ageBand?: ("registration_counts", "age_band")
            case let other?: ("registration_counts", other.rawValue)
            }
        var bindings = PostgresBindings()
        bindings.append(from + "-01")
        bindings.append(to + "-01")
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(column), sum(registrations)::bigint, sum(youths)::bigint FROM \(table)
                WHERE month BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY 1
                """, binds: bindings)
        return try await database.onPrimary { [logger] client in
            var counts: [NationalStatistics.Count] = []
            for try await (group, registrations, youths) in try await client.query(query, logger: logger).decode((String, Int64, Int64).self) {
                counts.append(.init(group: group, registrations: Int(registrations), youths: Int(youths)))
            }
            return counts
        }
    }
}
