/// A restore declared with `spoord --accept-restore`: the `store-restored` event's payload. It
/// begins a new epoch of the log under a new origin, linked to the old one by the last checkpoint
/// signed before the restore and the size the restored store went on from.
public struct RestoreDeclaration: Codable, Sendable, Equatable {
    /// The epoch this begins, from 2 (the log's first epoch is 1).
    public var epoch: Int
    /// The new epoch's checkpoint origin.
    public var origin: String
    /// The origin of the last checkpoint signed before the restore.
    public var previousOrigin: String
    /// The size of the last checkpoint signed before the restore.
    public var signedSize: UInt64
    /// The root of that checkpoint, hex.
    public var signedRoot: String
    /// The events the restored store held: the new epoch's tree goes on from them.
    public var restoredSize: UInt64
    /// The restored store's root at `restoredSize`, hex.
    public var restoredRoot: String

    /// The declaration of epoch `epoch`, with what links it to the one before.
    public init(
        epoch: Int, origin: String, previousOrigin: String, signedSize: UInt64, signedRoot: String, restoredSize: UInt64, restoredRoot: String
    ) {
        (self.epoch, self.origin, self.previousOrigin) = (epoch, origin, previousOrigin)
        (self.signedSize, self.signedRoot, self.restoredSize, self.restoredRoot) = (signedSize, signedRoot, restoredSize, restoredRoot)
    }

    /// Events signed in the old epoch that the restored store did not hold.
    public var lostEvents: UInt64 { signedSize > restoredSize ? signedSize - restoredSize : 0 }

    /// The events lost, in words: "1 event", "3 events".
    public var lost: String { lostEvents == 1 ? "1 event" : "\(lostEvents) events" }
}

/// An epoch begun by a declared restore, with the position of the event that declared it.
public struct LogEpochRecord: Codable, Sendable, Equatable {
    /// The position of the `store-restored` event.
    public var position: UInt64
    /// What it declared.
    public var declaration: RestoreDeclaration

    /// The epoch declared at `position`.
    public init(position: UInt64, declaration: RestoreDeclaration) { (self.position, self.declaration) = (position, declaration) }
}
