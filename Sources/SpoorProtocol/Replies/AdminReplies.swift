/// The reply to `status`: the daemon's health.
public struct StatusReply: Codable, Sendable, Equatable {
    /// The daemon's software version.
    public var version: String
    /// The wire protocol's version it speaks.
    public var `protocol`: Int
    /// The position of the log's last event.
    public var lastPosition: UInt64
    /// The projection is written with its events: always the log's last position.
    public var projectionPosition: UInt64
    /// Events of a case that the last rebuild could not fold (a newer writer's, or damage).
    public var undecodableEvents: Int
    /// The bytes the store uses.
    public var storeBytes: Int
    /// The store's map size: the most it may grow to.
    public var mapBytes: Int
    /// The connections open now.
    public var clients: Int
    /// Seconds since the daemon started.
    public var uptimeSeconds: Double
    /// Log lines that could not be written (a full disk, a closed pipe) and were dropped.
    public var droppedLogLines: Int
    /// Why the store accepts no writes, where it does not.
    public var writesStopped: String?

    /// The daemon's health, field by field.
    public init(
        version: String, protocol: Int, lastPosition: UInt64, projectionPosition: UInt64, undecodableEvents: Int, storeBytes: Int,
        mapBytes: Int, clients: Int, uptimeSeconds: Double, droppedLogLines: Int, writesStopped: String?
    ) {
        (self.version, self.protocol, self.lastPosition, self.projectionPosition) = (version, `protocol`, lastPosition, projectionPosition)
        (self.undecodableEvents, self.storeBytes, self.mapBytes, self.clients) = (undecodableEvents, storeBytes, mapBytes, clients)
        (self.uptimeSeconds, self.droppedLogLines, self.writesStopped) = (uptimeSeconds, droppedLogLines, writesStopped)
    }
}

/// The reply to `keys.rotate`: how many data keys were rewrapped under the new master key.
public struct RotateReply: Codable, Sendable, Equatable {
    /// The number of data keys rewrapped.
    public var rewrapped: Int
    /// The reply for `rewrapped` keys.
    public init(rewrapped: Int) { self.rewrapped = rewrapped }
}

/// The reply to `access.review`: the emergency read reviewed.
public struct AccessReviewReply: Codable, Sendable, Equatable {
    /// The `emergency-access` event reviewed.
    public var event: String
    /// The case it read.
    public var `case`: String
    /// Always `true`: the review is recorded.
    public var reviewed: Bool
    /// The reply for the review of `event` on `case`.
    public init(event: String, case: String) { (self.event, self.case, self.reviewed) = (event, `case`, true) }
}

/// The reply to `metrics`: the Prometheus text exposition format.
public struct MetricsReply: Codable, Sendable, Equatable {
    /// The metrics, in Prometheus's text format.
    public var text: String
    /// The reply holding `text`.
    public init(text: String) { self.text = text }
}

/// The last line of `events.tail`, after the events (each an ``EventRecord``): where to go on from.
public struct TailEnd: Codable, Sendable, Equatable {
    /// The position to ask for next.
    public var next: UInt64
    /// The end of a tail, going on from `next`.
    public init(next: UInt64) { self.next = next }
}

/// A progress line of `projections.rebuild`: events folded of those there are.
public struct RebuildProgress: Codable, Sendable, Equatable {
    /// Events folded so far.
    public var applied: UInt64
    /// The position the rebuild folds up to.
    public var target: UInt64
    /// Progress: `applied` of `target`.
    public init(applied: UInt64, target: UInt64) { (self.applied, self.target) = (applied, target) }
}

/// The reply to `projections.rebuild`: the position folded up to, and how long it took.
public struct RebuildReply: Codable, Sendable, Equatable {
    /// The position folded up to.
    public var applied: UInt64
    /// How long the rebuild took, in seconds.
    public var seconds: Double
    /// The reply for a rebuild up to `applied` in `seconds`.
    public init(applied: UInt64, seconds: Double) { (self.applied, self.seconds) = (applied, seconds) }
}

/// The reply to `backup`: where the copy went and, when asked, what its verification found.
public struct BackupReply: Codable, Sendable, Equatable {
    /// The copy opened as a store: its hashes, and its tree held to the last witnessed checkpoint.
    public struct Verification: Codable, Sendable, Equatable {
        /// A checkpoint a witness kept: its size and root.
        public struct Head: Codable, Sendable, Equatable {
            /// The checkpoint's size.
            public var treeSize: UInt64
            /// The checkpoint's root, hex.
            public var root: String
            /// The head of `treeSize` events at `root`.
            public init(treeSize: UInt64, root: String) { (self.treeSize, self.root) = (treeSize, root) }
        }

        /// The copy's events whose hashes were recomputed and found in their chain.
        public var eventsVerified: UInt64
        /// The copy's tree size.
        public var treeSize: UInt64
        /// The copy's tree root, hex.
        public var root: String
        /// The witnessed checkpoint the copy's tree was held to; absent when no witness has reported.
        public var checkpoint: Head?

        /// What verifying the copy found.
        public init(eventsVerified: UInt64, treeSize: UInt64, root: String, checkpoint: Head?) {
            (self.eventsVerified, self.treeSize, self.root, self.checkpoint) = (eventsVerified, treeSize, root, checkpoint)
        }
    }

    /// The copy's folder.
    public var path: String
    /// The bytes copied.
    public var bytes: Int
    /// The position of the copy's last event.
    public var lastPosition: UInt64
    /// What verifying the copy found, when asked.
    public var verified: Verification?
    /// The older copies removed to keep the newest `keep`.
    public var removed: [String]?

    /// The reply for a copy in `path`.
    public init(path: String, bytes: Int, lastPosition: UInt64, verified: Verification? = nil, removed: [String]? = nil) {
        (self.path, self.bytes, self.lastPosition, self.verified, self.removed) = (path, bytes, lastPosition, verified, removed)
    }
}

/// The reply to `protocol.show`: one adopted protocol, whole, and every version adopted.
public struct ProtocolShowReply: Codable, Sendable, Equatable {
    /// One protocol version adopted.
    public struct Version: Codable, Sendable, Equatable {
        /// The protocol's version.
        public var version: Int
        /// The protocol's name.
        public var name: String
        /// The SHA-256 of its canonical form, hex.
        public var digest: String
        /// The version `version` named `name`, with its digest.
        public init(version: Int, name: String, digest: String) { (self.version, self.name, self.digest) = (version, name, digest) }
    }

    /// The version shown.
    public var version: Int
    /// Its digest, hex.
    public var digest: String
    /// Whether it is the version in force.
    public var inForce: Bool
    /// The protocol, as Schemas/config/protocol.json describes it.
    public var `protocol`: JSONValue
    /// Every version adopted, oldest first.
    public var adopted: [Version]

    /// The reply showing `protocol`, version `version`.
    public init(version: Int, digest: String, inForce: Bool, protocol: JSONValue, adopted: [Version]) {
        (self.version, self.digest, self.inForce, self.protocol, self.adopted) = (version, digest, inForce, `protocol`, adopted)
    }
}
