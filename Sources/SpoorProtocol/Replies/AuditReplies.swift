/// The reply to `audit.checkpoint`: the current tree head as a signed note (c2sp.org/tlog-checkpoint),
/// with the key that verifies it.
public struct CheckpointReply: Codable, Sendable, Equatable {
    /// The signed note: the checkpoint, then the log's signature line.
    public var checkpoint: String
    /// The key that verifies it: `name+keyid+base64(0x01 ‖ public key)`.
    public var verifierKey: String
    /// The tree's size: how many events it holds.
    public var treeSize: UInt64
    /// The tree's root hash, hex.
    public var root: String
    /// The restore that began the log's current epoch; `nil` in its first epoch.
    public var epoch: LogEpochRecord?
    /// The latest checkpoint each witness cosigned, as the relay handed it back.
    public var cosigned: [CosignedCheckpoint]

    /// The reply for the checkpoint of `treeSize` events at `root`, with its verifier key, epoch and cosignatures.
    public init(
        checkpoint: String, verifierKey: String, treeSize: UInt64, root: String, epoch: LogEpochRecord? = nil,
        cosigned: [CosignedCheckpoint] = []
    ) {
        (self.checkpoint, self.verifierKey, self.treeSize, self.root, self.epoch) = (checkpoint, verifierKey, treeSize, root, epoch)
        self.cosigned = cosigned
    }
}

/// A checkpoint of the log a witness cosigned: the note, and the witness's signature line.
public struct CosignedCheckpoint: Codable, Sendable, Equatable {
    /// The witness's key name.
    public var witness: String
    /// The size of the tree cosigned.
    public var treeSize: UInt64
    /// The checkpoint as the log signed it.
    public var checkpoint: String
    /// The witness's note signature line (c2sp.org/tlog-cosignature).
    public var cosignature: String
    /// When the witness cosigned it, POSIX seconds, as its signature binds it.
    public var cosignedAt: UInt64

    /// The checkpoint `checkpoint` of `treeSize` events, cosigned by `witness` at `cosignedAt`.
    public init(witness: String, treeSize: UInt64, checkpoint: String, cosignature: String, cosignedAt: UInt64) {
        (self.witness, self.treeSize, self.checkpoint, self.cosignature, self.cosignedAt) = (witness, treeSize, checkpoint, cosignature, cosignedAt)
    }

    /// The note with the cosignature among its signatures.
    public var cosignedNote: String { checkpoint + cosignature }
}

/// The reply to `audit.cosigned`: the cosignatures recorded, by witness.
public struct CosignedReply: Codable, Sendable, Equatable {
    /// The witnesses whose cosignatures were recorded.
    public var recorded: [String]
    /// The size of the checkpoint they cosigned.
    public var treeSize: UInt64

    /// The reply for the cosignatures of `recorded` over `treeSize` events.
    public init(recorded: [String], treeSize: UInt64) { (self.recorded, self.treeSize) = (recorded, treeSize) }
}

/// The reply to `audit.witnessed`: the witness's report, recorded.
public struct WitnessedReply: Codable, Sendable, Equatable {
    /// Always `true`: the report is recorded.
    public var recorded: Bool
    /// The size of the checkpoint the witness kept.
    public var treeSize: UInt64
    /// Whether the log extends the one the witness kept before.
    public var consistent: Bool

    /// The reply for a report on `treeSize` events.
    public init(treeSize: UInt64, consistent: Bool) { (self.recorded, self.treeSize, self.consistent) = (true, treeSize, consistent) }
}

/// The reply to `protocol.reload`: the protocol in force, and whether the reload adopted it.
public struct ReloadReply: Codable, Sendable, Equatable {
    /// The version in force.
    public var version: Int
    /// Its digest, hex.
    public var digest: String
    /// Whether the reload adopted it now (`false`: it was in force already).
    public var adopted: Bool

    /// The reply for `version`, adopted or not.
    public init(version: Int, digest: String, adopted: Bool) { (self.version, self.digest, self.adopted) = (version, digest, adopted) }
}

/// The reply to `audit.prove`: the audit path of one event in a tree of `treeSize` events, with the event.
public struct ProveReply: Codable, Sendable, Equatable {
    /// The log's checkpoint origin (its epoch's): whose checkpoints the proof is held to; `nil`
    /// from a daemon that signs none.
    public var origin: String?
    /// The event's position.
    public var position: UInt64
    /// The size of the tree the proof is against.
    public var treeSize: UInt64
    /// The root of that tree, hex.
    public var root: String
    /// The event's leaf in the tree, hex: RFC 6962's hash of the event's hash.
    public var leafHash: String
    /// The audit path, hex, leaf to root.
    public var proof: [String]
    /// The event, as the log holds it: the auditor recomputes its hash from these fields.
    public var event: EventRecord

    /// The proof of `event` at `position` in the tree of `treeSize` events.
    public init(origin: String?, position: UInt64, treeSize: UInt64, root: String, leafHash: String, proof: [String], event: EventRecord) {
        self.origin = origin
        (self.position, self.treeSize, self.root, self.leafHash, self.proof, self.event) = (position, treeSize, root, leafHash, proof, event)
    }
}

/// The reply to `audit.consistency`: the proof that the tree of `from` events is a prefix of the tree of `to`.
public struct ConsistencyReply: Codable, Sendable, Equatable {
    /// The older tree's size.
    public var from: UInt64
    /// The newer tree's size.
    public var to: UInt64
    /// The consistency proof, hex (RFC 6962, 2.1.4).
    public var proof: [String]
    /// The older tree's root, hex.
    public var fromRoot: String
    /// The newer tree's root, hex.
    public var toRoot: String

    /// The proof from `from` to `to` events.
    public init(from: UInt64, to: UInt64, proof: [String], fromRoot: String, toRoot: String) {
        (self.from, self.to, self.proof, self.fromRoot, self.toRoot) = (from, to, proof, fromRoot, toRoot)
    }
}

/// The reply to `audit.verify`: every hash of the chain and the tree recomputed.
public struct VerifyReply: Codable, Sendable, Equatable {
    /// The first position whose hash does not hold, and why.
    public struct Problem: Codable, Sendable, Equatable {
        /// The position.
        public var position: UInt64
        /// What does not hold there.
        public var reason: String
        /// The problem at `position`.
        public init(position: UInt64, reason: String) { (self.position, self.reason) = (position, reason) }
    }

    /// Whether every hash holds.
    public var intact: Bool
    /// The events whose hashes were recomputed.
    public var eventsVerified: UInt64
    /// The tree's size.
    public var treeSize: UInt64
    /// The tree's root, hex.
    public var root: String
    /// The first problem found, if any.
    public var firstProblem: Problem?
    /// The epochs begun by declared restores, oldest first: none for a log never restored.
    public var epochs: [LogEpochRecord]

    /// The reply for a verification of `eventsVerified` events; intact when there is no `firstProblem`.
    public init(eventsVerified: UInt64, treeSize: UInt64, root: String, firstProblem: Problem?, epochs: [LogEpochRecord] = []) {
        (self.intact, self.eventsVerified, self.treeSize, self.root, self.firstProblem) = (
            firstProblem == nil, eventsVerified, treeSize, root, firstProblem
        )
        self.epochs = epochs
    }
}

/// The reply to `audit.trace`: every step that touched one signal, in the log's order.
public struct TraceReply: Codable, Sendable, Equatable {
    /// One step: who did what, when, in which role.
    public struct Entry: Codable, Sendable, Equatable {
        /// The event's position.
        public var position: UInt64
        /// The day the daemon recorded it, UTC.
        public var recordedOn: String
        /// The time the daemon recorded it, UTC, to the second (ISO 8601), as the event's hash covers it.
        public var recordedAt: String
        /// The day it happened, as the person recorded it.
        public var happenedOn: String
        /// Who recorded it: the OS user.
        public var actor: String
        /// The person the actor, a delegate (an integration), vouched for; absent when it acted for itself.
        public var onBehalfOf: String?
        /// The role the actor acted in.
        public var role: String
        /// The event's kind.
        public var type: String
        /// What happened, in words.
        public var what: String

        /// The step recorded at `position`.
        public init(
            position: UInt64, recordedOn: String, recordedAt: String, happenedOn: String, actor: String, onBehalfOf: String? = nil,
            role: String, type: String, what: String
        ) {
            (self.position, self.recordedOn, self.recordedAt, self.happenedOn) = (position, recordedOn, recordedAt, happenedOn)
            (self.actor, self.onBehalfOf, self.role, self.type, self.what) = (actor, onBehalfOf, role, type, what)
        }
    }

    /// The log's checkpoint origin (its epoch's), which the positions are of; `nil` from a daemon that signs none.
    public var origin: String?
    /// The case id.
    public var `case`: String
    /// The signal traced.
    public var signal: String
    /// The steps, in the log's order.
    public var entries: [Entry]

    /// The trace of `signal` in `case`.
    public init(origin: String?, case: String, signal: String, entries: [Entry]) {
        (self.origin, self.case, self.signal, self.entries) = (origin, `case`, signal, entries)
    }
}
