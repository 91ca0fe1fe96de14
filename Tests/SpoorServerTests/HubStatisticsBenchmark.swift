import Foundation
import Testing

/// Issue 30: "national statistics … p95 under 50 ms with 2 million registration records." A
/// benchmark, not a test: it runs only under `make bench-hub` (SPOOR_HUB_BENCH=1), and prints its
/// figures rather than judging them; BENCHMARKS.md quotes them with the command.
@Suite(
    "The hub's statistics against 2 million registration records", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["SPOOR_HUB_BENCH"] == "1" && PostgresServer.installed && TestCertificates.available))
struct HubStatisticsBenchmark {
    static var records: Int { Int(ProcessInfo.processInfo.environment["SPOOR_HUB_BENCH_RECORDS"] ?? "") ?? 2_000_000 }

    @Test func statisticsOverTwoMillionRecords() throws {
        let national = try NationalFixture(region: "noord", replicated: true)
        defer { national.stop() }
        // Real records of one institution first, through the relay, so the tables exist as the hub made them.
        #expect(
            try national.ctl("case", "open", "--case", "b1", "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15")
                .status == 0)
        #expect(try national.ctl("signal", "record", "--case", "b1", "--form", "sexual", "--nature", "concrete").status == 0)
        #expect(try national.ctl("register", "comensha", "--case", "b1", "--kind", "non-identifiable", "--basis", "none").status == 0)
        #expect(try national.relay().output.contains("records shipped: 1"))
        // Then 2 million records of 200 institutions over ten years, and their counts as the intake keeps them.
        let loaded = ContinuousClock.now
        _ = try national.sql(
            """
            INSERT INTO registration_records (origin, position, tree_size, leaf, record, kind, purpose, basis, month, age_band, forms, gender,
                                              nationality_group, region, pseudonym, replaces_earlier)
            SELECT 'bench-' || (i % 200) || '.nl/spoor', i, i, sha256(int8send(i)), '{}',
                   (ARRAY['identifiable','non-identifiable'])[1 + i % 2], (ARRAY['statistics','care-coordination'])[1 + i % 2],
                   (ARRAY['consent','waiver','none'])[1 + i % 3], date '2016-01-01' + ((i % 120) * interval '1 month'),
                   (ARRAY['0-11','12-15','16-17','18-23'])[1 + i % 4], ARRAY[(ARRAY['sexual','labour','criminal','financial','unknown'])[1 + i % 5]],
                   (ARRAY['female','male','other','unknown'])[1 + i % 4], (ARRAY['dutch','non-dutch','unknown'])[1 + i % 3],
                   (ARRAY['noord','oost','zuid','west','midden'])[1 + i % 5], md5((i % 1500000)::text) || md5(i::text), false
            FROM generate_series(1, \(Self.records)) AS i
            """)
        _ = try national.sql(
            """
            INSERT INTO registration_counts AS c (month, region, age_band, gender, kind, basis, purpose, registrations, youths)
            SELECT month, coalesce(region, ''), age_band, gender, kind, basis, purpose, count(*), count(*) FROM registration_records
            WHERE origin LIKE 'bench-%' GROUP BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT (month, region, age_band, gender, kind, basis, purpose)
            DO UPDATE SET registrations = c.registrations + EXCLUDED.registrations, youths = c.youths + EXCLUDED.youths
            """)
        _ = try national.sql(
            """
            INSERT INTO registration_form_counts AS c (month, form, registrations, youths)
            SELECT month, f, count(*), count(*) FROM registration_records CROSS JOIN unnest(forms) AS f WHERE origin LIKE 'bench-%' GROUP BY 1, 2
            ON CONFLICT (month, form) DO UPDATE SET registrations = c.registrations + EXCLUDED.registrations, youths = c.youths + EXCLUDED.youths
            """)
        print("loaded \(Self.records) records and their counts in \(ContinuousClock.now - loaded)")
        let paths =
            ["/statistics"]
            + ["region", "month", "form", "age-band", "gender", "kind", "basis", "purpose"].flatMap {
                ["/statistics?by=\($0)", "/statistics?by=\($0)&from=2020-01&to=2020-12"]
            }
        let certificates = national.certificates
        let result = try SystemdUnitTests.run(
            [
                "python3", SystemdUnitTests.packageRoot + "/Tests/Tools/hubload.py", certificates.ca,
                certificates.certificate("relay-noord"), certificates.key("relay-noord"), national.hubPort, "1000",
            ] + paths)
        print("statistics over \(try national.sql("SELECT count(*) FROM registration_records")) records: \(result.output)")
        #expect(result.status == 0, "\(result.output)")
        // The peer: the same table read straight from the records, as one would without the counts.
        let naive = (0..<5).compactMap { _ in
            (try? national.sql(
                """
                EXPLAIN (ANALYZE, FORMAT JSON) SELECT region, count(*), count(DISTINCT (origin, pseudonym)) FROM registration_records GROUP BY \
                region
                """
            ))
            .flatMap { $0.components(separatedBy: "\"Execution Time\": ").last?.prefix { $0.isNumber || $0 == "." } }.flatMap { Double($0) }
        }.sorted()
        print("the peer, GROUP BY over the records: median \(naive.isEmpty ? "?" : String(naive[naive.count / 2])) ms of 5 (server time only)")
    }
}
