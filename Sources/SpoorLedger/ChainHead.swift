import SpoorProof

/// The end of the log: the last event's position, hash and time, which the next event builds on.
struct ChainHead: Sendable, Equatable {
    var position: UInt64
    var hash: ChainHash
    var recordedAt: Int64

    static let empty = ChainHead(position: 0, hash: .zero, recordedAt: 0)
}
