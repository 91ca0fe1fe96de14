import Logging
import NIOCore
import PostgresNIO
import SpoorProof
import SpoorWitness

/// The witness's record in PostgreSQL: the latest cosigned head of each log, every head it
/// cosigned, and the evidence of refused requests. The check and the update of a head are one
/// transaction that holds the log's row locked (`FOR UPDATE`), so that no slower request rolls it
/// back; the transaction commits before the witness answers, and with `synchronous_commit =
/// remote_apply` on a synchronous standby, a failover never forgets a size it cosigned.
public struct PostgresWitnessStore: WitnessStore {
    let database: HubDatabase
    let logger: Logger

    public init(database: HubDatabase, logger: Logger) { (self.database, self.logger) = (database, logger) }

    /// Creates the tables when they are missing.
    public func migrate() async throws {
        try await database.onPrimary(within: .seconds(60)) { [logger] client in
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS witness_heads (
                    origin text PRIMARY KEY, size bigint NOT NULL, root bytea NOT NULL, cosigned_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS witness_evidence (
                    id bigserial PRIMARY KEY, origin text, status integer NOT NULL, reason text NOT NULL, request text NOT NULL,
                    client text, kept_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS witness_cosigned (
                    origin text NOT NULL, size bigint NOT NULL, root bytea NOT NULL, cosigned_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (origin, size))
                """, logger: logger)
        }
    }

    public func advance(origin: String, _ decide: @escaping @Sendable (TreeHead?) throws(WitnessRefusal) -> TreeHead) async throws {
        // A refusal commits nothing; it is returned rather than thrown, as PostgresNIO wraps what a transaction throws.
        let refusal = try await database.onPrimary { [logger] client in
            try await client.withTransaction(logger: logger) { connection in try await Self.advance(origin, decide, on: connection, logger: logger) }
        }
        if let refusal { throw refusal }
    }

    private static func advance(
        _ origin: String, _ decide: @Sendable (TreeHead?) throws(WitnessRefusal) -> TreeHead, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> WitnessRefusal? {
        // A row to lock even for a log never cosigned: size 0 with no root is "none yet".
        try await connection.query(
            "INSERT INTO witness_heads (origin, size, root) VALUES (\(origin), 0, ''::bytea) ON CONFLICT (origin) DO NOTHING",
            logger: logger)
        var latest: TreeHead?
        let rows = try await connection.query("SELECT size, root FROM witness_heads WHERE origin = \(origin) FOR UPDATE", logger: logger)
        for try await (size, root) in rows.decode((Int64, ByteBuffer).self) where root.readableBytes > 0 {
            guard let hash = ChainHash(hashBytes: Array(root.readableBytesView)) else { throw PostgresWitnessStoreError.damaged(origin) }
            latest = TreeHead(size: UInt64(size), root: hash)
        }
        let next: TreeHead
        do throws(WitnessRefusal) { next = try decide(latest) } catch { return error }
        try await connection.query(
            """
            UPDATE witness_heads SET size = \(Int64(next.size)), root = \(ByteBuffer(bytes: next.root.bytes)), cosigned_at = now()
            WHERE origin = \(origin)
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO witness_cosigned (origin, size, root) VALUES (\(origin), \(Int64(next.size)), \(ByteBuffer(bytes: next.root.bytes)))
            ON CONFLICT (origin, size) DO NOTHING
            """, logger: logger)
        return nil
    }

    public func cosignedRoot(of origin: String, size: UInt64) async throws -> ChainHash? {
        try await database.onPrimary { [logger] client in
            let rows = try await client.query("SELECT root FROM witness_cosigned WHERE origin = \(origin) AND size = \(Int64(size))", logger: logger)
            for try await root in rows.decode(ByteBuffer.self) { return ChainHash(hashBytes: Array(root.readableBytesView)) }
            return nil
        }
    }

    public func keep(_ evidence: Evidence) async throws {
        try await database.onPrimary { [logger] client in
            _ = try await client.query(
                """
                INSERT INTO witness_evidence (origin, status, reason, request, client)
                VALUES (\(evidence.origin), \(evidence.status), \(evidence.reason), \(evidence.request), \(evidence.client))
                """, logger: logger)
        }
    }
}

enum PostgresWitnessStoreError: Error, CustomStringConvertible {
    case damaged(String)

    var description: String {
        switch self {
        case .damaged(let origin): "the witness's record of \(origin) holds a root that is no SHA-256 hash"
        }
    }
}
