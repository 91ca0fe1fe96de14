import Foundation
import SpoorDomain
import SpoorProof
import SpoorProtocol
import SpoorWitness

/// The hub's intake of registration records (`POST /registration-records`): each record is
/// checked to be one exactly (no field a record does not have, nothing free-form: the hub must
/// never receive personal content), then proved to be in its institution's log by an inclusion
/// proof against a checkpoint this hub's witness cosigned, and stored once: a retry is harmless.
/// A submission is taken whole or not at all, and every refusal is kept as evidence.
public struct RegistrationIntake: Sendable {
    /// The most records one submission may carry.
    public static let maxRecords = 1_000

    let witnessed: any WitnessStore
    let records: any RecordStore
    /// Each institution's region, by origin, where the hub was told it: a record must name it.
    let regions: [String: String]

    public init(witnessed: any WitnessStore, records: any RecordStore, regions: [String: String] = [:]) {
        (self.witnessed, self.records, self.regions) = (witnessed, records, regions)
    }

    /// Answers a submission `body` from the institution whose log is `origin` (as its client
    /// certificate is pinned), or from an unpinned certificate when `origin` is `nil`.
    public func take(_ body: [UInt8], origin: String?, client: String) async -> WitnessResponse {
        do {
            guard let origin else { throw WitnessRefusal(403, "\(client) is pinned to no institution") }
            let accepted = try await check(body, origin: origin)
            let receipt = try await records.store(accepted, origin: origin)
            return try .json(receipt)
        } catch let refusal as WitnessRefusal {
            // Not the body: a refused record may hold just what the hub must never keep.
            try? await witnessed.keep(
                Evidence(
                    origin: origin, status: refusal.status, reason: refusal.reason,
                    request: "sha256:\(ChainHash.of(body).hex) (\(body.count) bytes, not kept)", client: client))
            return WitnessResponse(status: refusal.status, body: refusal.reason + "\n")
        } catch {
            return WitnessResponse(status: 503, body: "the hub cannot keep records now: \(error)\n")
        }
    }

    /// The submission's records, each checked and proved; the first that is not refuses them all.
    func check(_ body: [UInt8], origin: String) async throws -> [AcceptedRecord] {
        let submission: RecordSubmission
        do { submission = try JSONDecoder().decode(RecordSubmission.self, from: Data(body)) } catch {
            throw WitnessRefusal(400, "not a registration-records submission: \(error)", origin: origin)
        }
        guard (1...Self.maxRecords).contains(submission.records.count) else {
            throw WitnessRefusal(400, "a submission carries 1 to \(Self.maxRecords) records, not \(submission.records.count)", origin: origin)
        }
        var roots: [UInt64: ChainHash] = [:]
        var accepted: [AcceptedRecord] = []
        for entry in submission.records {
            let record: RegistrationRecord
            do { record = try RegistrationRecord.parse(Array(entry.record.utf8), regions: regions[origin].map { [$0] }) } catch {
                throw WitnessRefusal(422, "the record at \(entry.position) is refused: \(error)", origin: origin)
            }
            if roots[entry.treeSize] == nil { roots[entry.treeSize] = try await witnessed.cosignedRoot(of: origin, size: entry.treeSize) }
            guard let root = roots[entry.treeSize] else {
                throw WitnessRefusal(
                    409, "this hub cosigned no checkpoint of \(entry.treeSize) events of \(origin): prove against one it did", origin: origin)
            }
            let leaf = try Self.leaf(entry, origin: origin)
            guard entry.position >= 1, entry.position <= entry.treeSize,
                MerkleVerifier.verifyInclusion(
                    leafHash: leaf, index: entry.position - 1, size: entry.treeSize, proof: try Self.proof(entry, origin: origin),
                    root: root)
            else {
                throw WitnessRefusal(
                    422, "the record at \(entry.position) is not in the checkpoint of \(entry.treeSize) events cosigned", origin: origin)
            }
            accepted.append(AcceptedRecord(position: entry.position, treeSize: entry.treeSize, text: entry.record, record: record, leaf: leaf))
        }
        return accepted
    }

    private static func leaf(_ entry: RecordSubmission.Entry, origin: String) throws -> ChainHash {
        guard let commitment = ChainHash(hex: entry.commitment) else { throw WitnessRefusal(400, "commitment is not 64 hex digits", origin: origin) }
        return PublicRecord.leaf(record: Array(entry.record.utf8), commitment: commitment)
    }

    private static func proof(_ entry: RecordSubmission.Entry, origin: String) throws -> [ChainHash] {
        try entry.proof.map { hex in
            guard let hash = ChainHash(hex: hex) else { throw WitnessRefusal(400, "a proof line is not 64 hex digits", origin: origin) }
            return hash
        }
    }
}

/// A record the intake checked and proved, as it is stored.
public struct AcceptedRecord: Sendable, Equatable {
    public var position: UInt64
    public var treeSize: UInt64
    public var text: String
    public var record: RegistrationRecord
    public var leaf: ChainHash
}

/// Where the hub keeps registration records: at most one per institution and position.
public protocol RecordStore: Sendable {
    /// Stores `records` of `origin` in one step, all or none. A record held already with the same
    /// leaf counts as `already`; one held with another leaf refuses the whole step (409).
    func store(_ records: [AcceptedRecord], origin: String) async throws -> RecordReceipt
}

extension WitnessResponse {
    /// A 200 with `value` as sorted JSON: how the hub answers what is not a cosignature.
    static func json(_ value: some Encodable) throws -> WitnessResponse {
        WitnessResponse(
            status: 200, contentType: "application/json", body: String(decoding: try JSONEncoder.sorted.encode(value), as: UTF8.self) + "\n")
    }
}
