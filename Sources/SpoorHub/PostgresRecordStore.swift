import Logging
import PostgresNIO
import SpoorProtocol
import SpoorWitness

/// The hub's registration records in PostgreSQL: the record as proved, and its fields in
/// columns for the national statistics. One row per institution and position, so a retry is
/// harmless; a second record at a position is refused. Rows past retention are deleted.
public struct PostgresRecordStore: RecordStore {
    let database: HubDatabase
    let logger: Logger

    public init(database: HubDatabase, logger: Logger) { (self.database, self.logger) = (database, logger) }

    public func migrate() async throws {
        try await database.onPrimary(within: .seconds(60)) { [logger] client in
            try await client.query("""
            CREATE TABLE IF NOT EXISTS registration_records (
                origin text NOT NULL, position bigint NOT NULL, tree_size bigint NOT NULL, leaf bytea NOT NULL, record text NOT NULL,
                kind text NOT NULL, purpose text NOT NULL, basis text NOT NULL, month date NOT NULL, age_band text NOT NULL,
                forms text[] NOT NULL, gender text NOT NULL, nationality_group text NOT NULL, region text, pseudonym text NOT NULL,
                replaces_earlier boolean NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (origin, position))
            """, logger: logger)
            try await client.query("CREATE INDEX IF NOT EXISTS registration_records_month ON registration_records (month)", logger: logger)
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
        try await database.onPrimary { [logger] client in try await client.withTransaction(logger: logger) { connection in
            let positions = records.map { Int64($0.position) }
            let inserted = try await connection.query("""
                INSERT INTO registration_records (origin, position, tree_size, leaf, record, kind, purpose, basis, month, age_band, forms, gender,
                                                  nationality_group, region, pseudonym, replaces_earlier)
                SELECT \(origin), r.position, r.tree_size, decode(r.leaf, 'hex'), r.record, r.kind, r.purpose, r.basis, (r.month || '-01')::date,
                       r.age_band, string_to_array(r.forms, ','), r.gender, r.nationality_group, NULLIF(r.region, ''), r.pseudonym, r.replaces_earlier
                FROM unnest(\(positions)::bigint[], \(records.map { Int64($0.treeSize) })::bigint[], \(records.map(\.leaf.hex))::text[],
                            \(records.map(\.text))::text[], \(records.map(\.record.kind.rawValue))::text[], \(records.map(\.record.purpose.rawValue))::text[],
                            \(records.map(\.record.basis.rawValue))::text[], \(records.map(\.record.month))::text[], \(records.map(\.record.ageBand))::text[],
                            \(records.map { $0.record.formsOfExploitation.joined(separator: ",") })::text[],
                            \(records.map(\.record.gender.rawValue))::text[], \(records.map(\.record.nationalityGroup.rawValue))::text[],
                            \(records.map { $0.record.region ?? "" })::text[], \(records.map(\.record.pseudonym))::text[],
                            \(records.map(\.record.replacesEarlier))::boolean[])
                     AS r(position, tree_size, leaf, record, kind, purpose, basis, month, age_band, forms, gender, nationality_group, region, pseudonym,
                          replaces_earlier)
                ON CONFLICT (origin, position) DO NOTHING
                RETURNING position
                """, logger: logger)
            var new: Set<Int64> = []
            for try await position in inserted.decode(Int64.self) { new.insert(position) }
            let held = records.filter { !new.contains(Int64($0.position)) }
            if !held.isEmpty {
                let rows = try await connection.query("""
                    SELECT position, encode(leaf, 'hex') FROM registration_records WHERE origin = \(origin) AND position = ANY(\(held.map { Int64($0.position) }))
                    """, logger: logger)
                var leaves: [Int64: String] = [:]
                for try await (position, leaf) in rows.decode((Int64, String).self) { leaves[position] = leaf }
                if let other = held.first(where: { leaves[Int64($0.position)] != $0.leaf.hex }) {
                    throw WitnessRefusal(409, "the hub holds another record at position \(other.position) of \(origin): the log shows two events at one place",
                                         origin: origin)
                }
            }
            return RecordReceipt(stored: new.count, already: held.count)
        } }
    }
}
