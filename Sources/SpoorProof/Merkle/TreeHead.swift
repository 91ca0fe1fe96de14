/// The Merkle tree over the first `size` events: what a checkpoint signs.
public struct TreeHead: Sendable, Equatable, CustomStringConvertible {
    public let size: UInt64
    public let root: ChainHash

    public init(size: UInt64, root: ChainHash) {
        self.size = size
        self.root = root
    }

    public var description: String { "\(size) events, root \(root.hex)" }
}
