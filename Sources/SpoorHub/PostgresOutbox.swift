import Foundation
import Logging
import PostgresNIO
import SpoorProtocol
import SpoorWitness

/// The hub's outbox for CoMensha in PostgreSQL: the sealed deliveries relays bring (opaque to the
/// hub), the notices about them, and CoMensha's acknowledgements, numbered for the relays to
/// follow. An envelope is deleted as soon as CoMensha acknowledges it or an erasure notice
/// reaches it; a delivery CoMensha never fetched is then acknowledged by the hub itself.
public struct PostgresOutbox: Sendable {
    let database: HubDatabase
    let logger: Logger
    /// The most bytes one envelope may hold: a registration form is a few kilobytes.
    public static let maxEnvelope = 64 << 10
    /// The most acknowledgements one read returns.
    static let page = 1_000

    public init(database: HubDatabase, logger: Logger) { (self.database, self.logger) = (database, logger) }

    public func migrate() async throws {
        try await database.onPrimary(within: .seconds(60)) { [logger] client in
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS outbox (
                    origin text NOT NULL, delivery uuid NOT NULL, recipient_key text NOT NULL, envelope text,
                    received_at timestamptz NOT NULL DEFAULT now(), fetched_at timestamptz, acknowledged_at timestamptz, erased_at timestamptz,
                    PRIMARY KEY (origin, delivery))
                """, logger: logger)
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS outbox_notices (
                    origin text NOT NULL, delivery uuid NOT NULL, subject text NOT NULL, since date, received_at timestamptz NOT NULL DEFAULT now(),
                    acknowledged_at timestamptz, PRIMARY KEY (origin, delivery, subject))
                """, logger: logger)
            try await client.query(
                """
                CREATE TABLE IF NOT EXISTS outbox_acknowledgements (
                    sequence bigserial PRIMARY KEY, origin text NOT NULL, delivery uuid NOT NULL, subject text NOT NULL,
                    acknowledged_on date NOT NULL, reference text, UNIQUE (origin, delivery, subject))
                """, logger: logger)
        }
    }

    /// Takes an institution's outbox, as its relay posts it: what is known already changes nothing.
    public func take(_ outbox: Outbox, from origin: String) async throws -> Int {
        for delivery in outbox.deliveries {
            guard UUID(uuidString: delivery.delivery) != nil, delivery.envelope.utf8.count <= Self.maxEnvelope,
                Data(base64Encoded: delivery.envelope) != nil
            else {
                throw WitnessRefusal(
                    422, "delivery \(delivery.delivery) is not a delivery id with a base64 envelope of at most \(Self.maxEnvelope) bytes",
                    origin: origin)
            }
        }
        for notice in outbox.notices where UUID(uuidString: notice.delivery) == nil {
            throw WitnessRefusal(422, "notice for \(notice.delivery): not a delivery id", origin: origin)
        }
        return try await database.onPrimary { [logger] client in
            try await client.withTransaction(logger: logger) { connection in
                var taken = 0
                for delivery in outbox.deliveries {
                    let rows = try await connection.query(
                        """
                        INSERT INTO outbox (origin, delivery, recipient_key, envelope)
                        VALUES (\(origin), \(delivery.delivery)::uuid, \(delivery.recipientKey), \(delivery.envelope))
                        ON CONFLICT (origin, delivery) DO NOTHING RETURNING 1
                        """, logger: logger)
                    for try await _ in rows { taken += 1 }
                }
                for notice in outbox.notices {
                    let rows = try await connection.query(
                        """
                        INSERT INTO outbox_notices (origin, delivery, subject, since)
                        VALUES (\(origin), \(notice.delivery)::uuid, \(notice.subject.rawValue), \(notice.since)::date)
                        ON CONFLICT (origin, delivery, subject) DO NOTHING RETURNING 1
                        """, logger: logger)
                    for try await _ in rows { taken += 1 }
                    if notice.subject == .erasure { try await Self.erase(notice.delivery, of: origin, on: connection, logger: logger) }
                }
                return taken
            }
        }
    }

    /// An erasure reached the hub: the envelope goes at once. If CoMensha never fetched it, there is
    /// nothing for CoMensha to erase, and the hub acknowledges the notice itself.
    private static func erase(_ delivery: String, of origin: String, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query(
            """
            UPDATE outbox SET envelope = NULL, erased_at = now() WHERE origin = \(origin) AND delivery = \(delivery)::uuid AND erased_at IS NULL
            RETURNING fetched_at IS NULL
            """, logger: logger)
        var neverFetched = false
        for try await unfetched in rows.decode(Bool.self) { neverFetched = unfetched }
        guard neverFetched else { return }
        try await connection.query(
            """
            UPDATE outbox_notices SET acknowledged_at = now() WHERE origin = \(origin) AND delivery = \(delivery)::uuid AND subject = 'erasure'
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO outbox_acknowledgements (origin, delivery, subject, acknowledged_on, reference)
            VALUES (\(origin), \(delivery)::uuid, 'erasure', current_date, 'deleted at the hub before CoMensha fetched it') ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// The acknowledgements for `origin` after `sequence`, oldest first.
    public func acknowledgements(for origin: String, after sequence: Int64) async throws -> [Acknowledgement] {
        try await database.onPrimary { [logger] client in
            let rows = try await client.query(
                """
                SELECT sequence, delivery::text, subject, to_char(acknowledged_on, 'YYYY-MM-DD'), reference FROM outbox_acknowledgements
                WHERE origin = \(origin) AND sequence > \(sequence) ORDER BY sequence LIMIT \(Self.page)
                """, logger: logger)
            var found: [Acknowledgement] = []
            for try await (number, delivery, subject, on, reference) in rows.decode((Int64, String, String, String, String?).self) {
                guard let subject = Acknowledgement.Subject(rawValue: subject) else { continue }
                found.append(Acknowledgement(sequence: number, delivery: delivery, subject: subject, acknowledgedOn: on, reference: reference))
            }
            return found
        }
    }

    /// What waits for CoMensha, marked fetched.
    public func pending() async throws -> CoMenshaOutbox {
        try await database.onPrimary { [logger] client in
            try await client.withTransaction(logger: logger) { connection in
                var outbox = CoMenshaOutbox()
                let deliveries = try await connection.query(
                    """
                    UPDATE outbox SET fetched_at = coalesce(fetched_at, now()) WHERE envelope IS NOT NULL AND acknowledged_at IS NULL
                    RETURNING origin, delivery::text, recipient_key, envelope
                    """, logger: logger)
                for try await (origin, delivery, key, envelope) in deliveries.decode((String, String, String, String).self) {
                    outbox.deliveries.append(.init(origin: origin, delivery: delivery, recipientKey: key, envelope: envelope))
                }
                let notices = try await connection.query(
                    """
                    SELECT origin, delivery::text, subject, to_char(since, 'YYYY-MM-DD') FROM outbox_notices WHERE acknowledged_at IS NULL
                    """, logger: logger)
                for try await (origin, delivery, subject, since) in notices.decode((String, String, String, String?).self) {
                    guard let subject = Outbox.Notice.Subject(rawValue: subject) else { continue }
                    outbox.notices.append(.init(origin: origin, delivery: delivery, subject: subject, since: since))
                }
                return outbox
            }
        }
    }

    /// CoMensha's acknowledgements: each acknowledged envelope deleted, each notice closed, and each
    /// kept for the institution's relay. Returns how many were new; one of nothing the hub holds is refused.
    public func acknowledge(_ acknowledgements: CoMenshaAcknowledgements) async throws -> Int {
        for entry in acknowledgements.acknowledgements where UUID(uuidString: entry.delivery) == nil {
            throw WitnessRefusal(422, "\(entry.delivery) is not a delivery id")
        }
        return try await database.onPrimary { [logger] client in
            try await client.withTransaction(logger: logger) { connection in
                var new = 0
                for entry in acknowledgements.acknowledgements {
                    let held =
                        entry.subject == .registration
                        ? try await connection.query(
                            """
                            UPDATE outbox SET envelope = NULL, acknowledged_at = coalesce(acknowledged_at, now())
                            WHERE origin = \(entry.origin) AND delivery = \(entry.delivery)::uuid RETURNING 1
                            """, logger: logger)
                        : try await connection.query(
                            """
                            UPDATE outbox_notices SET acknowledged_at = coalesce(acknowledged_at, now())
                            WHERE origin = \(entry.origin) AND delivery = \(entry.delivery)::uuid AND subject = \(entry.subject.rawValue) RETURNING 1
                            """, logger: logger)
                    var found = false
                    for try await _ in held { found = true }
                    guard found else { throw WitnessRefusal(422, "the hub holds no \(entry.subject.rawValue) \(entry.delivery) of \(entry.origin)") }
                    let rows = try await connection.query(
                        """
                        INSERT INTO outbox_acknowledgements (origin, delivery, subject, acknowledged_on, reference)
                        VALUES (\(entry.origin), \(entry.delivery)::uuid, \(entry.subject.rawValue), current_date, \(entry.reference))
                        ON CONFLICT DO NOTHING RETURNING 1
                        """, logger: logger)
                    for try await _ in rows { new += 1 }
                }
                return new
            }
        }
    }
}
