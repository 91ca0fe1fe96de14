import SpoorProof

/// What a rebuild opens events with, read from one snapshot (``Ledger/sealedContents(at:keysOf:maxBytes:)``):
/// their sealed parts and their streams' data keys as wrapped.
public struct SealedReads: Sendable {
    /// The sealed part stored at each position asked for that has one (none once erased).
    public let contents: [UInt64: [UInt8]]
    /// The data key of each stream asked for that has one, as wrapped.
    public let wrappedKeys: [StreamName: [UInt8]]
    /// Whether `contents` holds every position asked for. When the parts came to more than the
    /// bytes allowed, it holds none of them, for the caller to read fewer at a time.
    public let isComplete: Bool
}
