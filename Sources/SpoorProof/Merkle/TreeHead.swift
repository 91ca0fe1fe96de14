/// The Merkle tree over the first `size` events: what a checkpoint signs.
public struct TreeHead: Sendable, Equatable, CustomStringConvertible {
    /// The number of events in the tree.
    public let size: UInt64
    /// The Merkle root of those events (RFC 6962).
    public let root: ChainHash

    /// The head of a tree of `size` events with root `root`.
    public init(size: UInt64, root: ChainHash) {
        self.size = size
        self.root = root
    }

    /// The size and the root in hex, for messages.
    public var description: String { "\(size) events, root \(root.hex)" }
}
