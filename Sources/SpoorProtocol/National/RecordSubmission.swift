import SpoorProof

/// What a relay posts to the hub's `registration-records`: registration records, each with the
/// commitment its event's hash makes to the rest of the event and its inclusion proof against a
/// checkpoint the hub cosigned. The hub learns the record and nothing else of the event.
public struct RecordSubmission: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// The event's position in the institution's log (its leaf index + 1).
        public var position: UInt64
        /// The size of the cosigned checkpoint the proof is against.
        public var treeSize: UInt64
        /// The record exactly as the event's hash covers it.
        public var record: String
        /// SHA-256(salt ‖ the rest of the event), hex.
        public var commitment: String
        public var proof: [String]

        public init(position: UInt64, treeSize: UInt64, record: String, commitment: String, proof: [String]) {
            (self.position, self.treeSize, self.record, self.commitment, self.proof) = (position, treeSize, record, commitment, proof)
        }
    }

    public var records: [Entry]

    public init(records: [Entry]) { self.records = records }
}

/// The hub's answer to a submission it took: how many records were new, and how many it held already.
public struct RecordReceipt: Codable, Sendable, Equatable {
    public var stored: Int
    public var already: Int

    public init(stored: Int, already: Int) { (self.stored, self.already) = (stored, already) }
}
