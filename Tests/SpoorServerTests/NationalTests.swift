import Foundation
import Glibc
import SpoorProof
import SpoorProtocol
import Testing

/// Issue 30: "spoor-relay … follows the daemon's log through the socket with a new role relay …
/// ships over mutual TLS each new checkpoint with its consistency proof to the hub's witness; …
/// keeps a cursor … and hands every cosignature back to the daemon." The real binaries: spoord,
/// spoor-relay, spoor-hub, and PostgreSQL 15.
@Suite(
    "The national side: relay, hub and witness over mutual TLS, the hub's record in PostgreSQL", .serialized,
    .enabled(if: PostgresServer.installed && TestCertificates.available, "needs PostgreSQL 15 and openssl (make test-deps)"))
struct NationalTests {
    @Test(
        """
        the relay ships each checkpoint to the hub's witness and hands the cosignature back; a lost cursor and another institution's certificate \
        are handled
        """
    )
    func relayShipsCheckpoints() async throws {
        let national = try NationalFixture()
        defer { national.stop() }
        let ctl = national.ctl
        let first = try national.relay()
        #expect(first.status == 0 && first.output.contains("cosigned:"), "\(first.output)\n\(national.hub.log)")
        try OperationsTests.open(ctl, "n2")
        let second = try national.relay()
        #expect(second.status == 0, "\(second.output)")
        let cosigned = try #require(try ctl("audit", "checkpoint", "--json").json?["cosigned"]?.array?.first)
        #expect(cosigned["witness"]?.string == national.cosigner.name)
        let verified = try ctl("audit", "verify", "--require-cosigned", national.cosigner.verifierKey)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")

        // A relay that lost its cursor learns the hub's size from its 409 and proves from there.
        try FileManager.default.removeItem(atPath: national.folder + "/noord-cursor")
        try OperationsTests.open(ctl, "n3")
        let relearned = try national.relay()
        #expect(relearned.status == 0, "\(relearned.output)")
        #expect(
            try national.sql("SELECT size FROM witness_heads WHERE origin = '\(national.origin)'")
                == relearned.output.components(separatedBy: "cosigned: ").last?.prefix { $0.isNumber }.description, "\(relearned.output)")

        // Another institution's certificate: refused (403), kept as evidence, nothing cosigned.
        let foreign = try national.relay("relay-zuid", cursor: "cursor-zuid")
        #expect(foreign.status == 69 && foreign.output.contains("403"), "\(foreign.output)")
        #expect(try national.sql("SELECT count(*) FROM witness_evidence WHERE status = 403").hasPrefix("1"))
    }

    /// Issue 30: "for every registration at CoMensha, a record of its analytic fields … with an
    /// inclusion proof against a checkpoint the hub has cosigned"; the hub "verifies each inclusion
    /// proof against a checkpoint it cosigned, stores it idempotently (a retry is harmless), refuses
    /// any personal content". And the research report (§6.1): CoMensha asks "om dubbeltellingen
    /// tegen te gaan" for identifying data; the national figures get a pseudonym instead.
    @Test("each registration's analytic record reaches the hub, proved against a cosigned checkpoint, once; forged or personal records are refused")
    func registrationRecordsReachTheHub() async throws {
        let national = try NationalFixture(region: "noord")
        defer { national.stop() }
        let ctl = national.ctl
        #expect(
            try ctl(
                "case", "open", "--case", "r1", "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15",
                "--name", "Marker-Name-Qz Jansen", "--birth-date", "2011-01-01"
            ).status == 0)
        #expect(try ctl("signal", "record", "--case", "r1", "--form", "sexual", "--nature", "concrete", "--note", "Marker-Note-Qz").status == 0)
        let registered = try ctl("register", "comensha", "--case", "r1", "--kind", "non-identifiable", "--basis", "none")
        #expect(registered.status == 0, "\(registered.error)")

        let shipped = try national.relay()
        #expect(shipped.status == 0 && shipped.output.contains("records shipped: 1"), "\(shipped.output)\n\(national.hub.log)")
        let row = try national.sql("SELECT kind, basis, age_band, forms, gender, region, length(pseudonym), record FROM registration_records")
        #expect(row.hasPrefix("non-identifiable|none|12-15|{sexual}|female|noord|64|"), "\(row)")
        #expect(!row.contains("Marker") && !row.contains("r1") && !row.contains("2011"), "the record names nothing but its dimensions: \(row)")

        // A record past retention (60 months by default) goes at the next intake; the statistics' counts stay.
        _ = try national.sql(
            """
            INSERT INTO registration_records (origin, position, tree_size, leaf, record, kind, purpose, basis, month, age_band, forms, gender,
              nationality_group, region, pseudonym, replaces_earlier)
            VALUES ('old.invalid/spoor', 1, 1, '', '{}', 'non-identifiable', 'statistics', 'none', '2019-01-01', '16-17', '{labour}', 'male', 'dutch',
              'noord', repeat('0', 64), false)
            """)
        // A relay that lost its records cursor ships the record again: the hub holds it once.
        try FileManager.default.removeItem(atPath: national.folder + "/noord-cursor.records")
        let again = try national.relay()
        #expect(again.status == 0, "\(again.output)")
        #expect(try national.sql("SELECT count(*) FROM registration_records") == "1", "the record past retention is gone")

        // What the relay sent, changed: a field, a field a record does not have, another position.
        let treeSize = try #require(UInt64(national.sql("SELECT size FROM witness_heads")))
        let proof = try SocketClient(socketPath: national.daemon.socketPath).call(
            .auditProve, JSONValue(encoding: ProveParams(position: try registrationPosition(ctl), treeSize: treeSize)), as: ProveReply.self)
        let shown = try #require(try RecordSubmission.Entry(proving: proof))
        let record = shown.record
        func submission(_ text: String, position: UInt64 = shown.position) throws -> String {
            var entry = shown
            (entry.record, entry.position) = (text, position)
            return String(decoding: try JSONEncoder().encode(RecordSubmission(records: [entry])), as: UTF8.self)
        }
        let honest = try national.post("/registration-records", try submission(record))
        #expect(honest.status == 200 && honest.body.contains("\"already\":1"), "\(honest)")
        let forged = try national.post("/registration-records", try submission(record.replacingOccurrences(of: "\"female\"", with: "\"male\"")))
        #expect(forged.status == 422 && forged.body.contains("is not in the checkpoint"), "\(forged)")
        let personal = try national.post(
            "/registration-records", try submission(record.replacingOccurrences(of: "{", with: #"{"name":"Marker-Name-Qz","#)))
        #expect(personal.status == 422 && personal.body.contains("refused"), "\(personal)")
        let moved = try national.post("/registration-records", try submission(record, position: shown.position - 1))
        #expect(moved.status == 422, "\(moved)")
        let foreign = try national.post("/registration-records", try submission(record), as: "relay-zuid")
        #expect(foreign.status == 403, "\(foreign)")
        #expect(try national.sql("SELECT count(*) FROM registration_records") == "1")
        #expect(try national.sql("SELECT count(*) FROM witness_evidence WHERE reason LIKE '%record%' OR status = 403") == "4")
        // The refused record's evidence is its digest: the name it carried is not kept.
        let evidence = try national.sql("SELECT * FROM witness_evidence")
        #expect(!evidence.isEmpty && !evidence.contains("Marker"), "\(evidence)")
    }

    /// Issue 30: "for an identifiable registration, its content sealed to CoMensha's public key (HPKE)
    /// by the daemon when the registration is made, so the relay ships an opaque blob it cannot open;
    /// a withdrawal of consent or an erasure is shipped as a notice to the outbox too, and the hub
    /// deletes a blob once CoMensha acknowledges it or an erasure reaches it"; "the acknowledgement
    /// flows back through the relay to the institution's daemon as a registration-acknowledged event".
    /// The research report (§6.4): registration "vaak niet als prioriteit gezien" and "extra werk":
    /// here the registration reaches CoMensha without anyone sending a form.
    @Test("an identifiable registration reaches CoMensha sealed, is opened only there, and its acknowledgement, withdrawal and erasure come back")
    func identifiableRegistrationDelivered() async throws {
        let national = try NationalFixture(region: "noord", deliversToCoMensha: true)
        defer { national.stop() }
        let ctl = national.ctl
        func ok(_ arguments: String...) throws {
            let result = try ctl.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.error)")
        }
        try ok(
            "case", "open", "--case", "zq-d1", "--unit", "north", "--gender", "female", "--nationality-group", "non-dutch", "--age", "17",
            "--name", "Marker-Name-Qz Jansen", "--birth-date", "2009-01-15", "--nationality", "Eritrean", "--country-of-birth", "Marker-Country-Qz")
        try ok("signal", "record", "--case", "zq-d1", "--form", "sexual", "--nature", "concrete", "--note", "Marker-Note-Qz")
        try ok("consent", "give", "--case", "zq-d1", "--by", "youth", "--form", "written", "--purpose", "statistics")
        try ok("register", "comensha", "--case", "zq-d1", "--kind", "identifiable", "--basis", "consent")
        let sealed = try #require(try ctl("case", "show", "--case", "zq-d1", "--json").json?["deliveries"]?.array?.first)
        #expect(sealed["registration"]?.number == 1 && sealed["receivedOn"] == nil, "\(sealed)")

        // The relay posts the envelope; the hub holds ciphertext only.
        let posted = try national.relay()
        #expect(posted.status == 0 && posted.output.contains("outbox entries posted: 1"), "\(posted.output)\n\(national.hub.log)")
        let envelope = try national.sql("SELECT envelope FROM outbox")
        #expect(!envelope.isEmpty && !(String(data: Data(base64Encoded: envelope) ?? Data(), encoding: .utf8) ?? "").contains("Marker"))
        #expect(!(try national.sql("SELECT * FROM outbox")).contains("zq-d1"), "the hub learns no case id")

        // CoMensha opens it with its key and acknowledges; the hub deletes the envelope.
        let opened = try national.comensha()
        #expect(opened.status == 0 && opened.output.contains("opened: 1"), "\(opened.output)\n\(national.hub.log)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: national.inbox).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1, "\(files)")
        let content = try String(contentsOfFile: national.inbox + "/" + files[0], encoding: .utf8)
        #expect(content.contains("Marker-Name-Qz Jansen") && content.contains("2009-01-15") && content.contains("Jeugdzorg Noord"), "\(content)")
        #expect(try national.sql("SELECT count(*) FROM outbox WHERE envelope IS NOT NULL") == "0")

        // The acknowledgement flows back into the institution's log, once.
        let back = try national.relay()
        #expect(back.status == 0 && back.output.contains("acknowledgements recorded: 1"), "\(back.output)")
        #expect(try ctl("case", "show", "--case", "zq-d1", "--json").json?["deliveries"]?.array?.first?["receivedOn"]?.string != nil)
        let quiet = try national.relay()
        #expect(quiet.output.contains("outbox entries posted: 0; acknowledgements recorded: 0"), "\(quiet.output)")
        let acknowledged = try ctl("events", "tail", "--limit", "3", "--json").output
        #expect(acknowledged.contains("registration-acknowledged") && acknowledged.contains("\"role\":\"relay\""), "\(acknowledged)")

        // The youth withdraws consent: the notice goes out and CoMensha's acknowledgement ends the worklist item.
        try ok("consent", "withdraw", "--case", "zq-d1", "--by", "youth")
        #expect(try ctl("worklist", "--json").output.contains("withdrawal-notice-due"))
        #expect(try national.relay().output.contains("outbox entries posted: 1"))
        #expect(try national.comensha().output.contains("notices: 1"))
        #expect(try national.relay().output.contains("acknowledgements recorded: 1"))
        #expect(!(try ctl("worklist", "--json").output.contains("withdrawal-notice-due")))

        // An erasure: the notice goes out, CoMensha is told, and nothing of the youth is left at the hub.
        let erased = try ctl("subject", "erase", "--case", "zq-d1", "--basis", "request", "--reason", "R-1", "--role", "privacy-officer")
        #expect(erased.status == 0, "\(erased.error)")
        #expect(try national.relay().output.contains("outbox entries posted: 1"))
        #expect(try national.comensha().output.contains("notices: 1"))
        #expect(try national.relay().output.contains("acknowledgements recorded: 1"))
        #expect(try ctl("case", "show", "--case", "zq-d1", "--json").json?["deliveries"]?.array?.first?["erasureAcknowledgedOn"]?.string != nil)
        #expect(try national.sql("SELECT count(*) FROM outbox_notices WHERE acknowledged_at IS NULL") == "0")
        // Issue 30: "planted markers in … cases' names and notes appear nowhere in pg_dumpall …, in the
        // WAL (pg_waldump), or in any log." The hub saw the whole life of the registration above.
        let dump = try PostgresServer.run(["pg_dumpall", "-h", national.postgres.socket, "-U", national.postgres.user]).output
        #expect(dump.contains("registration_records") && dump.contains("outbox"), "the dump holds the hub's tables")
        let wal = try national.postgres.walDump()
        #expect(wal.count > 1_000, "the WAL was read")
        for marker in ["Marker-Name-Qz", "Marker-Note-Qz", "Marker-Country-Qz", "2009-01-15", "zq-d1"] {
            #expect(!dump.contains(marker), "\(marker) is in pg_dumpall")
            #expect(!wal.contains(marker), "\(marker) is in the WAL: \(wal.components(separatedBy: marker).first?.suffix(80) ?? "")")
            #expect(!national.hub.log.contains(marker), "\(marker) is in the hub's log")
            #expect(
                !((try? String(contentsOfFile: national.postgres.folder + "/log", encoding: .utf8)) ?? "").contains(marker),
                "\(marker) is in PostgreSQL's log")
        }
    }

    /// Issue 30: "national statistics (JSON and an HTML page, as the daemon's): per region, month,
    /// form, age band, gender, kind of registration, consent funnel, with the same small-cell
    /// suppression as the daemon"; "Per-institution pseudonyms count a youth registered by two
    /// institutions twice: the national statistics say so."
    @Test("the national statistics add up the records, hide what is small, say what pseudonyms cannot tell, and answer only those the hub knows")
    func nationalStatistics() async throws {
        let national = try NationalFixture(region: "noord")
        defer { national.stop() }
        let ctl = national.ctl
        for (index, form) in ["sexual", "sexual", "sexual", "sexual", "sexual", "sexual", "labour"].enumerated() {
            let id = "s\(index)"
            #expect(
                try ctl(
                    "case", "open", "--case", id, "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15",
                    "--name", "Youth\(index) Jansen", "--birth-date", "2011-01-0\(index + 1)"
                ).status == 0)
            #expect(try ctl("signal", "record", "--case", id, "--form", form, "--nature", "concrete").status == 0)
            #expect(try ctl("register", "comensha", "--case", id, "--kind", "non-identifiable", "--basis", "none").status == 0)
        }
        #expect(try national.relay().output.contains("records shipped: 7"))
        let total = try national.get("/statistics")
        #expect(total.status == 200 && total.body.contains(#""registrations":7"#) && total.body.contains(#""youths":7"#), "\(total)")
        #expect(total.body.contains("counts twice"), "the table says what per-institution pseudonyms cannot tell")
        let byForm = try national.get("/statistics?by=form")
        #expect(byForm.status == 200 && !byForm.body.contains(#""group":"labour""#) && byForm.body.contains(#""group":"other""#), "\(byForm)")
        #expect(!byForm.body.contains(#":1,"#) && !byForm.body.contains(#":1}"#), "no count of one youth is shown: \(byForm)")
        let page = try national.get("/statistics.html?by=region")
        #expect(page.status == 200 && page.body.contains("<table>") && page.body.contains("noord"), "\(page)")
        #expect(try national.get("/statistics?by=weather").status == 400)
        // A certificate of the hub's CA that is pinned to no institution gets nothing.
        #expect(try national.get("/statistics", as: "relay-zuid").status == 403)
    }

    /// Issue 30: the relay "keeps a cursor, survives days offline and catches up with one
    /// consistency proof"; "a relay cut off while its daemon takes 5,000 events catches up in under
    /// 60 s with no duplicates".
    @Test("a relay cut off while its daemon takes 5,000 events catches up in one round, in under 60 s, with every record once")
    func offlineRelayCatchesUp() async throws {
        let national = try NationalFixture(region: "noord")
        defer { national.stop() }
        #expect(try national.relay().status == 0)
        let before = try #require(Int(try national.sql("SELECT size FROM witness_heads")))
        // 5,000 events the relay does not see: 1,250 cases, each opened, signalled, registered, closed.
        let client = try SocketClient(socketPath: national.daemon.socketPath)
        func command(_ id: String, _ name: String, _ body: JSONValue, role: String? = nil) throws {
            var params: [String: JSONValue] = ["case": .string(id), "command": .string(name), "body": body]
            params["role"] = role.map(JSONValue.string)
            _ = try client.call(.caseCommand, .object(params))
        }
        for index in 0..<1_250 {
            let id = "o\(index)"
            try command(
                id, "open-case",
                [
                    "unit": "north", "openedOn": "2026-11-02",
                    "youth": ["gender": "male", "nationalityGroup": "dutch", "ageAtOpening": 16],
                ])
            try command(
                id, "record-signal",
                [
                    "observedOn": "2026-11-02", "source": "own-observation", "formsOfExploitation": ["criminal"],
                    "indicators": [], "nature": "concrete",
                ])
            try command(
                id, "register-at-comensha", ["kind": "non-identifiable", "basis": "none", "registeredOn": "2026-11-03"], role: "attention-officer")
            try command(id, "close-case", ["closedOn": "2026-11-04", "reason": "care-ended"], role: "attention-officer")
        }
        let started = ContinuousClock.now
        let caughtUp = try national.relay()
        let took = ContinuousClock.now - started
        #expect(caughtUp.status == 0 && caughtUp.output.contains("records shipped: 1250"), "\(caughtUp.output)")
        #expect(took < .seconds(60), "caught up in \(took)")
        #expect(try #require(Int(try national.sql("SELECT size FROM witness_heads"))) >= before + 5_000)
        #expect(try national.sql("SELECT count(*), count(DISTINCT position) FROM registration_records") == "1250|1250")
        #expect(try national.sql("SELECT count(*) FROM witness_evidence") == "0", "one consistency proof, accepted")
        let again = try national.relay()
        #expect(again.output.contains("records shipped: 0"), "nothing twice: \(again.output)")
        print("a relay 5,000 events behind caught up in \(took)")
    }

    /// The position of the case r1's registration event.
    private func registrationPosition(_ ctl: Spoorctl) throws -> UInt64 {
        let tail = try ctl("events", "tail", "--limit", "100", "--json").output
        for line in tail.split(separator: "\n") {
            let event = try JSONValue.parse(Array(line.utf8))
            if event["type"]?.string == "registered-at-comensha", let position = event["position"]?.number { return UInt64(position) }
        }
        throw NationalFixture.Failed(description: "no registration in \(tail)")
    }
}
