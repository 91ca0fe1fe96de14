/// The reply to `status`: the daemon's health.
public struct StatusReply: Codable, Sendable, Equatable {
    public var version: String
    public var `protocol`: Int
    public var lastPosition: UInt64
    /// The projection is written with its events: always the log's last position.
    public var projectionPosition: UInt64
    public var undecodableEvents: Int
    public var storeBytes: Int
    public var mapBytes: Int
    public var clients: Int
    public var uptimeSeconds: Double
    /// Log lines that could not be written (a full disk, a closed pipe) and were dropped.
    public var droppedLogLines: Int
    /// Why the store accepts no writes, where it does not.
    public var writesStopped: String?

    public init(version: String, protocol: Int, lastPosition: UInt64, projectionPosition: UInt64, undecodableEvents: Int, storeBytes: Int,
                mapBytes: Int, clients: Int, uptimeSeconds: Double, droppedLogLines: Int, writesStopped: String?) {
        (self.version, self.protocol, self.lastPosition, self.projectionPosition) = (version, `protocol`, lastPosition, projectionPosition)
        (self.undecodableEvents, self.storeBytes, self.mapBytes, self.clients) = (undecodableEvents, storeBytes, mapBytes, clients)
        (self.uptimeSeconds, self.droppedLogLines, self.writesStopped) = (uptimeSeconds, droppedLogLines, writesStopped)
    }
}

/// The reply to `keys.rotate`: how many data keys were rewrapped under the new master key.
public struct RotateReply: Codable, Sendable, Equatable {
    public var rewrapped: Int
    public init(rewrapped: Int) { self.rewrapped = rewrapped }
}

/// The reply to `access.review`: the emergency read reviewed.
public struct AccessReviewReply: Codable, Sendable, Equatable {
    public var event: String
    public var `case`: String
    public var reviewed: Bool
    public init(event: String, case: String) { (self.event, self.case, self.reviewed) = (event, `case`, true) }
}

/// The reply to `metrics`: the Prometheus text exposition format.
public struct MetricsReply: Codable, Sendable, Equatable {
    public var text: String
    public init(text: String) { self.text = text }
}

/// The last line of `events.tail`, after the events (each an ``EventRecord``): where to go on from.
public struct TailEnd: Codable, Sendable, Equatable {
    public var next: UInt64
    public init(next: UInt64) { self.next = next }
}

/// A progress line of `projections.rebuild`: events folded of those there are.
public struct RebuildProgress: Codable, Sendable, Equatable {
    public var applied: UInt64
    public var target: UInt64
    public init(applied: UInt64, target: UInt64) { (self.applied, self.target) = (applied, target) }
}

/// The reply to `projections.rebuild`: the position folded up to, and how long it took.
public struct RebuildReply: Codable, Sendable, Equatable {
    public var applied: UInt64
    public var seconds: Double
    public init(applied: UInt64, seconds: Double) { (self.applied, self.seconds) = (applied, seconds) }
}

/// The reply to `backup`: where the copy went and, when asked, what its verification found.
public struct BackupReply: Codable, Sendable, Equatable {
    /// The copy opened as a store: its hashes, and its tree held to the last witnessed checkpoint.
    public struct Verification: Codable, Sendable, Equatable {
        /// A checkpoint a witness kept: its size and root.
        public struct Head: Codable, Sendable, Equatable {
            public var treeSize: UInt64
            public var root: String
            public init(treeSize: UInt64, root: String) { (self.treeSize, self.root) = (treeSize, root) }
        }

        public var eventsVerified: UInt64
        public var treeSize: UInt64
        public var root: String
        /// The witnessed checkpoint the copy's tree was held to; absent when no witness has reported.
        public var checkpoint: Head?

        public init(eventsVerified: UInt64, treeSize: UInt64, root: String, checkpoint: Head?) {
            (self.eventsVerified, self.treeSize, self.root, self.checkpoint) = (eventsVerified, treeSize, root, checkpoint)
        }
    }

    public var path: String
    public var bytes: Int
    public var lastPosition: UInt64
    public var verified: Verification?
    /// The older copies removed to keep the newest `keep`.
    public var removed: [String]?

    public init(path: String, bytes: Int, lastPosition: UInt64, verified: Verification? = nil, removed: [String]? = nil) {
        (self.path, self.bytes, self.lastPosition, self.verified, self.removed) = (path, bytes, lastPosition, verified, removed)
    }
}

/// The reply to `protocol.show`: one adopted protocol, whole, and every version adopted.
public struct ProtocolShowReply: Codable, Sendable, Equatable {
    public struct Version: Codable, Sendable, Equatable {
        public var version: Int
        public var name: String
        public var digest: String
        public init(version: Int, name: String, digest: String) { (self.version, self.name, self.digest) = (version, name, digest) }
    }

    public var version: Int
    public var digest: String
    public var inForce: Bool
    /// The protocol, as Schemas/config/protocol.json describes it.
    public var `protocol`: JSONValue
    public var adopted: [Version]

    public init(version: Int, digest: String, inForce: Bool, protocol: JSONValue, adopted: [Version]) {
        (self.version, self.digest, self.inForce, self.protocol, self.adopted) = (version, digest, inForce, `protocol`, adopted)
    }
}
