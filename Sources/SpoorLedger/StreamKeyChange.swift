/// What an append does to its stream's data key, in the same transaction as its events, so that
/// a key and the first ciphertext under it, or an erasure and its record, land together or not at all.
public enum StreamKeyChange: Sendable, Equatable {
    /// Stores the stream's first data key, wrapped by the caller; refused if the stream has one.
    case create(wrapped: [UInt8])
    /// Crypto-shredding: destroys the stream's key and deletes the sealed part of every event of
    /// the stream. The events, their digests and the chain stay whole.
    case erase
}
