/// The reply to `audit.checkpoint`: the current tree head as a signed note (c2sp.org/tlog-checkpoint),
/// with the key that verifies it.
public struct CheckpointReply: Codable, Sendable, Equatable {
    public var checkpoint: String
    public var verifierKey: String
    public var treeSize: UInt64
    /// The tree's root hash, hex.
    public var root: String
    /// The restore that began the log's current epoch; `nil` in its first epoch.
    public var epoch: LogEpochRecord?
    /// The latest checkpoint each witness cosigned, as the relay handed it back.
    public var cosigned: [CosignedCheckpoint]

    public init(checkpoint: String, verifierKey: String, treeSize: UInt64, root: String, epoch: LogEpochRecord? = nil,
                cosigned: [CosignedCheckpoint] = []) {
        (self.checkpoint, self.verifierKey, self.treeSize, self.root, self.epoch) = (checkpoint, verifierKey, treeSize, root, epoch)
        self.cosigned = cosigned
    }
}

/// A checkpoint of the log a witness cosigned: the note, and the witness's signature line.
public struct CosignedCheckpoint: Codable, Sendable, Equatable {
    /// The witness's key name.
    public var witness: String
    public var treeSize: UInt64
    /// The checkpoint as the log signed it.
    public var checkpoint: String
    /// The witness's note signature line (c2sp.org/tlog-cosignature).
    public var cosignature: String
    /// When the witness cosigned it, POSIX seconds, as its signature binds it.
    public var cosignedAt: UInt64

    public init(witness: String, treeSize: UInt64, checkpoint: String, cosignature: String, cosignedAt: UInt64) {
        (self.witness, self.treeSize, self.checkpoint, self.cosignature, self.cosignedAt) = (witness, treeSize, checkpoint, cosignature, cosignedAt)
    }

    /// The note with the cosignature among its signatures.
    public var cosignedNote: String { checkpoint + cosignature }
}

/// The reply to `audit.cosigned`: the cosignatures recorded, by witness.
public struct CosignedReply: Codable, Sendable, Equatable {
    public var recorded: [String]
    public var treeSize: UInt64

    public init(recorded: [String], treeSize: UInt64) { (self.recorded, self.treeSize) = (recorded, treeSize) }
}

/// The reply to `audit.witnessed`: the witness's report, recorded.
public struct WitnessedReply: Codable, Sendable, Equatable {
    public var recorded: Bool
    public var treeSize: UInt64
    public var consistent: Bool

    public init(treeSize: UInt64, consistent: Bool) { (self.recorded, self.treeSize, self.consistent) = (true, treeSize, consistent) }
}

/// The reply to `protocol.reload`: the protocol in force, and whether the reload adopted it.
public struct ReloadReply: Codable, Sendable, Equatable {
    public var version: Int
    public var digest: String
    public var adopted: Bool

    public init(version: Int, digest: String, adopted: Bool) { (self.version, self.digest, self.adopted) = (version, digest, adopted) }
}

/// The reply to `audit.prove`: the audit path of one event in a tree of `treeSize` events, with the event.
public struct ProveReply: Codable, Sendable, Equatable {
    /// The log's checkpoint origin (its epoch's): whose checkpoints the proof is held to; `nil`
    /// from a daemon that signs none.
    public var origin: String?
    public var position: UInt64
    public var treeSize: UInt64
    /// The root of that tree, hex.
    public var root: String
    /// The event's leaf in the tree, hex: RFC 6962's hash of the event's hash.
    public var leafHash: String
    /// The audit path, hex, leaf to root.
    public var proof: [String]
    public var event: EventRecord

    public init(origin: String?, position: UInt64, treeSize: UInt64, root: String, leafHash: String, proof: [String], event: EventRecord) {
        self.origin = origin
        (self.position, self.treeSize, self.root, self.leafHash, self.proof, self.event) = (position, treeSize, root, leafHash, proof, event)
    }
}

/// The reply to `audit.consistency`: the proof that the tree of `from` events is a prefix of the tree of `to`.
public struct ConsistencyReply: Codable, Sendable, Equatable {
    public var from: UInt64
    public var to: UInt64
    /// The consistency proof, hex (RFC 6962, 2.1.4).
    public var proof: [String]
    public var fromRoot: String
    public var toRoot: String

    public init(from: UInt64, to: UInt64, proof: [String], fromRoot: String, toRoot: String) {
        (self.from, self.to, self.proof, self.fromRoot, self.toRoot) = (from, to, proof, fromRoot, toRoot)
    }
}

/// The reply to `audit.verify`: every hash of the chain and the tree recomputed.
public struct VerifyReply: Codable, Sendable, Equatable {
    /// The first position whose hash does not hold, and why.
    public struct Problem: Codable, Sendable, Equatable {
        public var position: UInt64
        public var reason: String
        public init(position: UInt64, reason: String) { (self.position, self.reason) = (position, reason) }
    }

    public var intact: Bool
    public var eventsVerified: UInt64
    public var treeSize: UInt64
    public var root: String
    public var firstProblem: Problem?
    /// The epochs begun by declared restores, oldest first: none for a log never restored.
    public var epochs: [LogEpochRecord]

    public init(eventsVerified: UInt64, treeSize: UInt64, root: String, firstProblem: Problem?, epochs: [LogEpochRecord] = []) {
        (self.intact, self.eventsVerified, self.treeSize, self.root, self.firstProblem) = (firstProblem == nil, eventsVerified, treeSize, root, firstProblem)
        self.epochs = epochs
    }
}

/// The reply to `audit.trace`: every step that touched one signal, in the log's order.
public struct TraceReply: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var position: UInt64
        /// The day the daemon recorded it, UTC.
        public var recordedOn: String
        /// The time the daemon recorded it, UTC, to the second (ISO 8601), as the event's hash covers it.
        public var recordedAt: String
        /// The day it happened, as the person recorded it.
        public var happenedOn: String
        public var actor: String
        /// The person the actor, a delegate (an integration), vouched for; absent when it acted for itself.
        public var onBehalfOf: String?
        public var role: String
        public var type: String
        public var what: String

        public init(position: UInt64, recordedOn: String, recordedAt: String, happenedOn: String, actor: String, onBehalfOf: String? = nil,
                    role: String, type: String, what: String) {
            (self.position, self.recordedOn, self.recordedAt, self.happenedOn) = (position, recordedOn, recordedAt, happenedOn)
            (self.actor, self.onBehalfOf, self.role, self.type, self.what) = (actor, onBehalfOf, role, type, what)
        }
    }

    /// The log's checkpoint origin (its epoch's), which the positions are of; `nil` from a daemon that signs none.
    public var origin: String?
    public var `case`: String
    public var signal: String
    public var entries: [Entry]

    public init(origin: String?, case: String, signal: String, entries: [Entry]) {
        (self.origin, self.case, self.signal, self.entries) = (origin, `case`, signal, entries)
    }
}
