/// The reply to `audit.checkpoint`: the current tree head as a signed note (c2sp.org/tlog-checkpoint),
/// with the key that verifies it.
public struct CheckpointReply: Codable, Sendable, Equatable {
    public var checkpoint: String
    public var verifierKey: String
    public var treeSize: UInt64
    /// The tree's root hash, hex.
    public var root: String

    public init(checkpoint: String, verifierKey: String, treeSize: UInt64, root: String) {
        (self.checkpoint, self.verifierKey, self.treeSize, self.root) = (checkpoint, verifierKey, treeSize, root)
    }
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
