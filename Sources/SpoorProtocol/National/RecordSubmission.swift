import SpoorProof

/// What a relay posts to the hub's `registration-records`: registration records, each with the
/// commitment its event's hash makes to the rest of the event and its inclusion proof against a
/// checkpoint the hub cosigned. The hub learns the record and nothing else of the event.
public struct RecordSubmission: Codable, Sendable, Equatable {
    /// One registration's record, with what proves it is in the institution's log.
    public struct Entry: Codable, Sendable, Equatable {
        /// The event's position in the institution's log (its leaf index + 1).
        public var position: UInt64
        /// The size of the cosigned checkpoint the proof is against.
        public var treeSize: UInt64
        /// The record exactly as the event's hash covers it.
        public var record: String
        /// SHA-256(salt ‖ the rest of the event), hex.
        public var commitment: String
        /// The inclusion proof, hex, leaf to root (RFC 6962 §2.1.1).
        public var proof: [String]

        /// The entry of the event at `position`, proved against the tree of `treeSize` events.
        public init(position: UInt64, treeSize: UInt64, record: String, commitment: String, proof: [String]) {
            (self.position, self.treeSize, self.record, self.commitment, self.proof) = (position, treeSize, record, commitment, proof)
        }
    }

    /// The records, in the order of their positions.
    public var records: [Entry]

    /// A submission of `records`.
    public init(records: [Entry]) { self.records = records }
}

/// The hub's answer to a submission it took: how many records were new, and how many it held already.
public struct RecordReceipt: Codable, Sendable, Equatable {
    /// How many records were new to the hub.
    public var stored: Int
    /// How many the hub held already: a retry.
    public var already: Int

    /// The receipt of `stored` new records and `already` held ones.
    public init(stored: Int, already: Int) { (self.stored, self.already) = (stored, already) }
}

extension RecordSubmission.Entry {
    /// The entry of the event `proof` shows, with the commitment recomputed from the fields shown
    /// (so that a shown event that does not give its hash is caught by whoever builds the entry,
    /// not at the hub); `nil` for an event without a public record. Throws
    /// ``EventRecord/Mismatch`` when the shown fields do not give the event's hash.
    public init?(proving proof: ProveReply) throws {
        let event = try proof.event.recomputed()
        guard let record = event.record, let commitment = event.recordCommitment else { return nil }
        self.init(
            position: proof.position, treeSize: proof.treeSize, record: String(decoding: record.bytes, as: UTF8.self),
            commitment: commitment.hex, proof: proof.proof)
    }
}
