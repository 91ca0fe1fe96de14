import Foundation
import SpoorJSON
import SpoorProof
import SpoorProtocol
import Testing

/// Issue 30's simulation, its real part: "three real spoord + spoor-relay pairs end to end" against
/// the hub on a primary with a synchronous standby, through a failover, with "planted markers in
/// 1,000 cases' names and notes" (`make simulate`; `make test` plants 300), "every identifiable
/// registration of the three real daemons … opened by spoor-comensha and acknowledged back into its
/// daemon's log", and "Go's own signed-note and tlog code … checks the daemons' checkpoints and
/// proofs", the registration records' format-3 leaves included.
@Suite(
    "The national side end to end: three real institutions and their relays, a failover, CoMensha", .serialized,
    .enabled(if: PostgresServer.installed && TestCertificates.available, "needs PostgreSQL 15 and openssl (make test-deps)"))
struct NationalEndToEnd {
    static var caseCount: Int { Int(ProcessInfo.processInfo.environment["SPOOR_SIMULATE_CASES"] ?? "") ?? 300 }
    static let sites = ["noord", "oost", "west"]

    /// What one institution was given: its cases, and how many of them were registered identifiably.
    struct Planted {
        var cases = 0
        var identifiable = 0
    }

    @Test(
        """
        three institutions' registrations reach the hub and CoMensha through a failover; their markers appear nowhere at the hub; Go checks their \
        proofs
        """
    )
    func threeInstitutionsEndToEnd() throws {
        let national = try NationalFixture(region: "noord", sites: Self.sites, deliversToCoMensha: true, replicated: true)
        defer { national.stop() }
        var planted: [Planted] = []
        for (index, site) in national.sites.enumerated() {
            planted.append(try Self.plant(cases: (index..<Self.caseCount).filter { $0 % national.sites.count == index }, at: site))
        }
        let (cases, identifiable) = (planted.map(\.cases).reduce(0, +), planted.map(\.identifiable).reduce(0, +))
        #expect(cases == Self.caseCount)

        // Each relay ships its checkpoint, its records and its sealed registrations.
        var relayOutput = ""
        for (site, given) in zip(national.sites, planted) {
            let round = try national.relay(at: site)
            relayOutput += round.output
            #expect(
                round.status == 0 && round.output.contains("records shipped: \(given.cases)")
                    && round.output.contains("outbox entries posted: \(given.identifiable)"), "\(site.name): \(round.output)\n\(national.hub.log)")
        }
        #expect(try national.sql("SELECT count(*) FROM registration_records") == "\(cases)")

        // The primary crashes; the standby is promoted; nothing acknowledged is missing there.
        let oldPrimary = national.postgres
        let (promoted, seeded) = try NationalFailoverTests.failOver(national, reseed: true)
        defer { seeded?.stop() }
        #expect(try national.sql("SELECT count(*) FROM registration_records", on: promoted) == "\(cases)")
        #expect(try national.sql("SELECT count(*) FROM outbox", on: promoted) == "\(identifiable)")

        // CoMensha opens every envelope from the promoted node; each acknowledgement reaches its daemon's log, once.
        let failedOver = ContinuousClock.now
        var opened: (status: Int32, output: String) = (1, "")
        while opened.status != 0 && ContinuousClock.now - failedOver < .seconds(10) { opened = try national.comensha() }
        #expect(opened.status == 0 && opened.output.contains("opened: \(identifiable)"), "\(opened.output)\n\(national.hub.log)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: national.inbox).filter { $0.hasSuffix(".json") }
        #expect(files.count == identifiable)
        for (site, given) in zip(national.sites, planted) {
            let back = try national.relay(at: site)
            relayOutput += back.output
            #expect(back.status == 0 && back.output.contains("acknowledgements recorded: \(given.identifiable)"), "\(site.name): \(back.output)")
            #expect(try Self.count("registration-acknowledged", in: site) == given.identifiable)
            #expect(try national.relay(at: site).output.contains("acknowledgements recorded: 0"), "nothing twice")
        }

        // Go's own tlog code checks each daemon's checkpoint and its registration records' inclusion proofs.
        for site in national.sites { try Self.goChecksRecords(of: site, in: national.folder) }

        // The markers: in no dump of either node, no WAL of any node (the crashed primary's too), no log.
        let nodes = [promoted] + (seeded.map { [$0] } ?? [])
        let dumps = try nodes.map { try PostgresServer.run(["pg_dumpall", "-h", $0.socket, "-U", $0.user]).output }
        #expect(dumps.allSatisfy { $0.contains("registration_records") }, "the dumps hold the hub's tables")
        let wals = try ([oldPrimary] + nodes).map { try $0.walDump() }
        #expect(wals.allSatisfy { $0.count > 1_000 }, "every WAL was read")
        let logs =
            [national.hub.log, relayOutput, opened.output]
            + ([oldPrimary] + nodes).map { (try? String(contentsOfFile: $0.folder + "/log", encoding: .utf8)) ?? "" }
        for marker in ["Marker-Qz", Self.birthDate(0), Self.birthDate(299), "zq-"] {
            #expect(!dumps.contains { $0.contains(marker) }, "\(marker) is in pg_dumpall")
            #expect(!wals.contains { $0.contains(marker) }, "\(marker) is in a WAL")
            #expect(!logs.contains { $0.contains(marker) }, "\(marker) is in a log")
        }
        // Where it must be: CoMensha's inbox, opened with its key.
        let sample = try String(contentsOfFile: national.inbox + "/" + files[0], encoding: .utf8)
        #expect(sample.contains("Marker-Qz-Name-") && sample.contains("Marker-Qz-Country-"), "\(sample)")
    }

    /// Opens, signals and registers `cases` at `site`, each with a marked name and note: every
    /// second identifiably, on the youth's consent; the rest without a name. What was planted.
    static func plant(cases: [Int], at site: NationalFixture.Site) throws -> Planted {
        let client = try SocketClient(socketPath: site.daemon.socketPath)
        func command(_ id: String, _ name: String, _ body: JSONValue, role: String = "attention-officer") throws {
            let params: [String: JSONValue] = ["case": .string(id), "command": .string(name), "body": body, "role": .string(role)]
            _ = try client.call(.caseCommand, .object(params))
        }
        var planted = Planted()
        for index in cases {
            let (id, identifiable) = ("zq-\(site.name)-\(index)", index % 2 == 0)
            try command(
                id, "open-case",
                [
                    "unit": "north", "openedOn": "2026-11-02",
                    "youth": ["gender": "female", "nationalityGroup": "non-dutch", "ageAtOpening": 17],
                    "personal": [
                        "name": .string("Marker-Qz-Name-\(index) Jansen-\(index)"), "birthDate": .string(Self.birthDate(index)),
                        "countryOfBirth": .string("Marker-Qz-Country-\(index)"),
                    ],
                ])
            try command(
                id, "record-signal",
                [
                    "observedOn": "2026-11-02", "source": "own-observation", "formsOfExploitation": ["sexual"],
                    "indicators": [], "nature": "concrete", "personal": ["text": .string("Marker-Qz-Note-\(index)")],
                ])
            if identifiable {
                try command(id, "give-consent", ["by": "youth", "givenOn": "2026-11-03", "form": "written", "purposes": ["statistics"]])
            }
            try command(
                id, "register-at-comensha",
                [
                    "kind": identifiable ? "identifiable" : "non-identifiable",
                    "basis": identifiable ? "consent" : "none", "registeredOn": "2026-11-03",
                ])
            planted.cases += 1
            planted.identifiable += identifiable ? 1 : 0
        }
        return planted
    }

    /// A birth date in 2009 that makes the youth 17 on the case's days (the youth alone consents);
    /// with the surname, no two cases are one youth.
    static func birthDate(_ index: Int) -> String {
        let day = Calendar(identifier: .gregorian).date(
            byAdding: .day, value: index % 300,
            to: DateComponents(
                calendar: .init(identifier: .gregorian),
                timeZone: .gmt, year: 2009, month: 1, day: 1
            ).date!)!
        return ISO8601DateFormatter.string(from: day, timeZone: .gmt, formatOptions: .withFullDate)
    }

    /// How many events of `type` `site`'s log holds.
    static func count(_ type: String, in site: NationalFixture.Site) throws -> Int {
        let client = try SocketClient(socketPath: site.daemon.socketPath)
        var (count, from) = (0, UInt64(1))
        while true {
            var last: UInt64?
            _ = try client.call(.eventsTail, JSONValue(encoding: TailParams(from: from, limit: 1_000)), lines: EventRecord.self, as: TailEnd.self) {
                last = $0.position
                if $0.type == type { count += 1 }
            }
            guard let last else { return count }
            from = last + 1
        }
    }

    /// The site's registration records with their inclusion proofs against its signed checkpoint,
    /// as its relay posts them, checked by Go's tlog code (`tlogcheck records`).
    static func goChecksRecords(of site: NationalFixture.Site, in folder: String) throws {
        let checkpointFile = folder + "/\(site.name)-checkpoint.txt"
        #expect(try site.ctl("audit", "checkpoint", "--out", checkpointFile).status == 0)
        let size = try #require(
            try String(contentsOfFile: checkpointFile, encoding: .utf8).split(separator: "\n").dropFirst().first.flatMap { UInt64($0) })
        let client = try SocketClient(socketPath: site.daemon.socketPath)
        var positions: [UInt64] = []
        _ = try client.call(.eventsTail, JSONValue(encoding: TailParams(from: 1, limit: 1_000)), lines: EventRecord.self, as: TailEnd.self) { event in
            if event.record != nil, positions.count < 50 { positions.append(event.position) }
        }
        #expect(!positions.isEmpty)
        var entries = try positions.map { position in
            let proof = try client.call(.auditProve, JSONValue(encoding: ProveParams(position: position, treeSize: size)), as: ProveReply.self)
            return try #require(try RecordSubmission.Entry(proving: proof))
        }
        let submission = folder + "/\(site.name)-records.json"
        try JSONEncoder().encode(RecordSubmission(records: entries)).write(to: URL(fileURLWithPath: submission))
        let go = try OperationsTests.goChecks("records", site.logKey, checkpointFile, submission)
        #expect(go.status == 0 && go.output.contains("included: \(entries.count) records in \(site.origin)"), "\(go.output)")
        // A record changed by one character is not in the log, to Go either.
        entries[0].record = entries[0].record.replacingOccurrences(of: "sexual", with: "labour")
        try JSONEncoder().encode(RecordSubmission(records: entries)).write(to: URL(fileURLWithPath: submission))
        let forged = try OperationsTests.goChecks("records", site.logKey, checkpointFile, submission)
        #expect(forged.status != 0 && forged.output.contains("is not in the log"), "\(forged.output)")
    }
}
