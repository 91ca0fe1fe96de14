/// What a command reads before it decides, all from one read snapshot, so that the three agree:
/// whether its event id is stored already (a retry), the case's record in the live projection, and
/// the case's data key as wrapped.
public struct CommandSnapshot: Sendable {
    /// Where the event with the command's id is stored, when it is: the command was made before.
    public let storedPosition: UInt64?
    /// The live projection's value under the case's key, or `nil` for a new case.
    public let projection: [UInt8]?
    /// The stream's data key as the caller wrapped it, or `nil` when it has none.
    public let wrappedKey: [UInt8]?
}
