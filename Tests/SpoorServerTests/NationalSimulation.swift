import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
@testable import SpoorProof
import SpoorDomain
import SpoorJSON
import SpoorProtocol
import Testing

/// Issue 30's simulation: "one process simulating … institutions with their own keys, certificates
/// and logs (through the project's own tree and proof code)", at a steady load against the real hub
/// on a PostgreSQL primary with a synchronous standby: a failover in the middle ("0 acknowledged
/// registrations missing on the promoted node; no origin ever cosigned at two roots for one size or
/// at a smaller size; 99 % of relays acknowledged again within 10 s of the end of the promotion"),
/// and each misbehaviour once ("each gets the protocol's code and an evidence row; none is
/// cosigned"). `make test` runs 20 institutions; `make simulate` 200 (SPOOR_SIMULATE_INSTITUTIONS).
@Suite(
    "The national simulation: many institutions, a failover, every misbehaviour", .serialized,
    .enabled(if: PostgresServer.installed && TestCertificates.available, "needs PostgreSQL 15 and openssl (make test-deps)"))
struct NationalSimulation {
    static var institutionCount: Int { Int(ProcessInfo.processInfo.environment["SPOOR_SIMULATE_INSTITUTIONS"] ?? "") ?? 20 }
    static var rounds: Int { Int(ProcessInfo.processInfo.environment["SPOOR_SIMULATE_ROUNDS"] ?? "") ?? 6 }

    /// One simulated institution: its log (leaves from the project's own tree code), its signer, its
    /// HTTPS client under its own certificate, and what the hub acknowledged to it.
    final class Institution: @unchecked Sendable {
        let origin: String
        let signer: CheckpointSigner
        let http: HTTPClient
        var eventHashes: [ChainHash] = []
        var records: [(position: UInt64, record: String, commitment: ChainHash)] = []
        var cosigned = 0
        var acknowledgedRecords = 0
        var shippedRecords = 0

        /// The `index`th institution's log name and signer, before it has a certificate.
        static func identity(_ index: Int) -> NationalFixture.Simulated {
            let origin = "sim-\(index).institution.invalid/spoor"
            return NationalFixture.Simulated(origin: origin, signer: CheckpointSigner.generate(name: origin).signer, certificate: "sim-\(index)")
        }

        init(_ identity: NationalFixture.Simulated, certificates: TestCertificates) throws {
            (origin, signer) = (identity.origin, identity.signer)
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificates.certificate(identity.certificate)).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: certificates.key(identity.certificate), format: .pem))
            tls.trustRoots = .file(certificates.ca)
            http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        }

        private init(copying other: Institution) {
            (origin, signer, http, eventHashes, records, cosigned) = (
                other.origin, other.signer, other.http, other.eventHashes, other.records, other.cosigned
            )
        }

        func copy() -> Institution { Institution(copying: self) }

        var perfect: MerkleTree.Perfect { MerkleTree.perfect(ofLeaves: eventHashes.map { MerkleHash.leaf(of: $0) }) }

        /// `count` events, every third a registration with its analytic record (a format-3 leaf).
        func grow(_ count: Int) throws {
            for _ in 0..<count {
                let position = UInt64(eventHashes.count + 1)
                guard position % 3 == 0 else {
                    eventHashes.append(ChainHash.of(Array("\(origin) event \(position)".utf8)))
                    continue
                }
                let record = try Self.record(pseudonym: ChainHash.of(Array("\(origin) youth \(position % 7)".utf8)).hex)
                let commitment = ChainHash.of(Array("\(origin) salted rest \(position)".utf8))
                eventHashes.append(PublicRecord.eventHash(record: Array(record.utf8), commitment: commitment))
                records.append((position, record, commitment))
            }
        }

        static func record(pseudonym: String) throws -> String {
            let json: JSONValue = [
                "version": 1, "kind": "non-identifiable", "purpose": "statistics", "basis": "none", "month": "2026-11",
                "ageBand": "16-17", "formsOfExploitation": ["criminal"], "gender": "male", "nationalityGroup": "dutch",
                "region": "sim", "pseudonym": .string(pseudonym), "replacesEarlier": false,
            ]
            return String(decoding: try JSONValueDecoder().decode(RegistrationRecord.self, from: json).bytes, as: UTF8.self)
        }

        func checkpoint(from old: Int, to size: Int, signer: CheckpointSigner? = nil) throws -> String {
            let head = TreeHead(size: UInt64(size), root: try MerkleTree.root(size: UInt64(size), perfect))
            let proof = old == 0 || old >= size ? [] : try MerkleTree.consistencyProof(old: UInt64(old), new: UInt64(size), perfect)
            return ConsistencyProofFile(
                oldSize: UInt64(old), proof: proof, checkpoint: try Checkpoint(origin: origin, head: head).signed(by: signer ?? self.signer)
            ).text
        }

        func submission(through size: Int) throws -> (body: String, count: Int) {
            let pending = records.filter { $0.position <= UInt64(size) }.dropFirst(shippedRecords)
            let entries = try pending.map { entry in
                RecordSubmission.Entry(
                    position: entry.position, treeSize: UInt64(size), record: entry.record, commitment: entry.commitment.hex,
                    proof: try MerkleTree.inclusionProof(index: entry.position - 1, size: UInt64(size), perfect).map(\.hex))
            }
            return (String(decoding: try JSONEncoder().encode(RecordSubmission(records: entries)), as: UTF8.self), entries.count)
        }
    }

    /// What a round of the hub's answers took, by kind.
    actor Timings {
        var addCheckpoint: [Duration] = []
        var intake: [Duration] = []
        func add(_ duration: Duration, intake isIntake: Bool) { if isIntake { intake.append(duration) } else { addCheckpoint.append(duration) } }
    }

    static func post(_ institution: Institution, port: String, _ path: String, _ body: String) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/\(path)")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await institution.http.execute(request, timeout: .seconds(30))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    /// One institution's round: grow, have the new checkpoint cosigned, ship the records it covers.
    /// Returns when both were acknowledged; retries while the hub answers 503.
    static func round(_ institution: Institution, port: String, timings: Timings) async throws {
        try institution.grow(12)
        let size = institution.eventHashes.count
        let checkpoint = try institution.checkpoint(from: institution.cosigned, to: size)
        var started = ContinuousClock.now
        var answer = try await post(institution, port: port, "add-checkpoint", checkpoint)
        while answer.status == 503 {
            try await Task.sleep(for: .milliseconds(200))
            started = ContinuousClock.now
            answer = try await post(institution, port: port, "add-checkpoint", checkpoint)
        }
        // A 409 naming this very size: an attempt whose answer was lost in the failover was cosigned.
        guard answer.status == 200 || answer.status == 409 && answer.body.trimmingCharacters(in: .newlines) == String(size) else {
            throw NationalFixture.Failed(description: "\(institution.origin) add-checkpoint: \(answer.status) \(answer.body)")
        }
        await timings.add(ContinuousClock.now - started, intake: false)
        institution.cosigned = size
        let (body, count) = try institution.submission(through: size)
        guard count > 0 else { return }
        started = ContinuousClock.now
        var taken = try await post(institution, port: port, "registration-records", body)
        while taken.status == 503 {
            try await Task.sleep(for: .milliseconds(200))
            started = ContinuousClock.now
            taken = try await post(institution, port: port, "registration-records", body)
        }
        guard taken.status == 200 else { throw NationalFixture.Failed(description: "\(institution.origin) records: \(taken.status) \(taken.body)") }
        await timings.add(ContinuousClock.now - started, intake: true)
        institution.shippedRecords += count
        institution.acknowledgedRecords = institution.shippedRecords
    }

    @Test(
        "institutions at a steady load through a failover lose nothing acknowledged; each misbehaviour is refused with its code and kept as evidence")
    func simulate() async throws {
        let count = Self.institutionCount
        let identities = (0..<count).map(Institution.identity)
        let national = try NationalFixture(region: "noord", replicated: true, simulated: identities)
        defer { national.stop() }
        let institutions = try identities.map { try Institution($0, certificates: national.certificates) }
        let outcome: Result<Void, any Error>
        do { outcome = .success(try await Self.run(institutions, national)) } catch { outcome = .failure(error) }
        for institution in institutions { try? await institution.http.shutdown() }
        try outcome.get()
    }

    /// The rounds, the failover in the middle, the checks, then the misbehaviours.
    static func run(_ institutions: [Institution], _ national: NationalFixture) async throws {
        let count = institutions.count
        let timings = Timings()
        let started = ContinuousClock.now
        var seeded: PostgresServer?
        defer { seeded?.stop() }
        for round in 0..<Self.rounds {
            guard round == Self.rounds / 2 else {
                try await Self.all(institutions, port: national.hubPort, timings: timings)
                continue
            }
            // The failover under a steady load: every institution posts round after round while the
            // primary crashes and the standby is promoted; each then counts the time to its first
            // round acknowledged after the promotion's end.
            let promotion = Promotion()
            async let load: [Duration] = withThrowingTaskGroup(of: Duration.self) { group in
                for institution in institutions {
                    group.addTask { try await Self.untilServedAfter(promotion, institution, port: national.hubPort, timings: timings) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try await Task.sleep(for: .milliseconds(300))
            seeded = try await Task.detached { try NationalFailoverTests.failOver(national, reseed: true).standby }.value
            await promotion.end()
            let waits = try await load.sorted()
            let p99 = waits[min(waits.count - 1, Int(0.99 * Double(waits.count)))]
            print("after the promotion, institutions acknowledged again: median \(waits[waits.count / 2]), p99 \(p99), max \(waits.last!)")
            #expect(p99 < .seconds(10), "99 % of the institutions acknowledged again within 10 s of the end of the promotion")
        }
        let took = ContinuousClock.now - started
        let node = national.standby!  // promoted
        for institution in institutions {
            let size = Int(try national.sql("SELECT size FROM witness_heads WHERE origin = '\(institution.origin)'", on: node)) ?? 0
            let records = Int(try national.sql("SELECT count(*) FROM registration_records WHERE origin = '\(institution.origin)'", on: node)) ?? 0
            #expect(size >= institution.cosigned && records >= institution.acknowledgedRecords, "\(institution.origin): \(size) \(records)")
        }
        #expect(
            try national.sql("SELECT count(*) FROM witness_cosigned c JOIN witness_heads h USING (origin) WHERE c.size > h.size", on: node) == "0")
        let checkpoints = await timings.addCheckpoint.sorted(), intake = await timings.intake.sorted()
        func p(_ values: [Duration], _ q: Double) -> Duration { values[min(values.count - 1, Int(q * Double(values.count)))] }
        print(
            """
            simulation: \(count) institutions, \(Self.rounds) rounds in \(took): add-checkpoint \(checkpoints.count) p50 \(p(checkpoints, 0.5)) \
            p99 \(p(checkpoints, 0.99)); intake \(intake.count) p50 \(p(intake, 0.5)) p99 \(p(intake, 0.99))
            """
        )
        try await Self.misbehave(institutions, national: national, node: node)
    }

    /// When the promotion ended, once it has.
    actor Promotion {
        private(set) var endedAt: ContinuousClock.Instant?
        func end() { endedAt = .now }
    }

    /// Rounds of one institution until one that began after the promotion's end is acknowledged:
    /// how long after that end it was.
    static func untilServedAfter(_ promotion: Promotion, _ institution: Institution, port: String, timings: Timings) async throws -> Duration {
        while true {
            let ended = await promotion.endedAt
            try await round(institution, port: port, timings: timings)
            if let ended { return ContinuousClock.now - ended }
        }
    }

    static func all(_ institutions: [Institution], port: String, timings: Timings) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for institution in institutions { group.addTask { try await round(institution, port: port, timings: timings) } }
            try await group.waitForAll()
        }
    }

    /// Each misbehaviour once: the protocol's code, an evidence row, nothing cosigned.
    static func misbehave(_ institutions: [Institution], national: NationalFixture, node: PostgresServer) async throws {
        let port = national.hubPort
        let evidence = { Int(try national.sql("SELECT count(*) FROM witness_evidence", on: node)) ?? 0 }
        func expect(_ status: Int, _ what: String, _ institution: Institution, _ body: String, as other: Institution? = nil) async throws {
            let heads = try national.sql("SELECT string_agg(origin || size, ',' ORDER BY origin) FROM witness_heads", on: node)
            let before = try evidence()
            let answer = try await post(other ?? institution, port: port, "add-checkpoint", body)
            #expect(answer.status == status, "\(what): \(answer.status) \(answer.body)")
            #expect(try evidence() == before + 1, "\(what) is kept as evidence")
            #expect(
                try national.sql("SELECT string_agg(origin || size, ',' ORDER BY origin) FROM witness_heads", on: node) == heads,
                "\(what): nothing cosigned")
        }
        let a = institutions[0], b = institutions[1 % institutions.count]
        let size = a.cosigned
        // A rollback: a smaller log than the one cosigned.
        try await expect(400, "a rollback", a, try a.checkpoint(from: size, to: size - 3))
        // A same-size fork: another root at the cosigned size.
        let forked = Institution.forking(a, at: size)
        try await expect(409, "a same-size fork", a, try forked.checkpoint(from: size, to: size))
        // A fork after growth: a longer log that does not extend the one cosigned.
        try forked.grow(6)
        try await expect(422, "a fork after growth", a, try forked.checkpoint(from: size, to: size + 6))
        // A replayed old checkpoint: as if nothing had been cosigned since.
        try await expect(409, "a replayed old checkpoint", a, try a.checkpoint(from: 0, to: size - 3))
        // A bad signature: the log's checkpoint signed by another key.
        try a.grow(3)
        try await expect(
            403, "a bad signature", a, try a.checkpoint(from: size, to: size + 3, signer: CheckpointSigner.generate(name: a.origin).signer))
        // Another institution's certificate.
        try await expect(403, "another institution's certificate", a, try a.checkpoint(from: size, to: size + 3), as: b)
    }
}

extension NationalSimulation.Institution {
    /// A copy of `institution`'s log whose leaves after the first `size - 1` differ: the same log key, another history.
    static func forking(_ institution: NationalSimulation.Institution, at size: Int) -> NationalSimulation.Institution {
        let fork = institution.copy()
        fork.eventHashes = Array(institution.eventHashes.prefix(size - 1)) + [ChainHash.of(Array("a forked event".utf8))]
        return fork
    }
}
