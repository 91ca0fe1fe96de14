import Crypto

/// RFC 6962 / RFC 9162 hashing. Leaves and interior nodes carry different prefixes, so that no
/// leaf can pass for a node and no proof can be bent into another.
public enum MerkleHash {
    /// The root of the empty tree: SHA-256 of nothing.
    public static let empty = ChainHash.of([UInt8]())

    /// H(0x00 ‖ data).
    public static func leaf(_ data: some Sequence<UInt8>) -> ChainHash {
        ChainHash.of([0x00] + Array(data))
    }

    /// H(0x01 ‖ left ‖ right).
    public static func node(_ left: ChainHash, _ right: ChainHash) -> ChainHash {
        ChainHash.of([0x01] + left.bytes + right.bytes)
    }

    /// The leaf of an event: its chain hash, which covers its whole canonical encoding.
    package static func leaf(of eventHash: ChainHash) -> ChainHash { leaf(eventHash.bytes) }
}

extension ChainHash {
    /// A hash from 32 bytes a client sent; `nil` for any other length.
    public init?(hashBytes bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.init(bytes: bytes)
    }

    /// A hash from 64 hex digits; `nil` for anything else.
    public init?(hex: String) {
        guard hex.utf8.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes: bytes)
    }
}
