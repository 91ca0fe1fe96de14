/// The reply to `case.command`: the first event the command recorded, where it is stored, and what
/// it says without personal content. A retried command gets the reply its first attempt got.
public struct CommandReply: Codable, Sendable, Equatable {
    /// The position of the command's first event in the log.
    public var position: UInt64
    /// Its version in the case's stream.
    public var streamVersion: UInt64
    /// Its kind.
    public var type: String
    /// Its id: the one the client chose, or the daemon's.
    public var eventID: String
    /// The event's payload as the log keeps it: personal content sealed apart.
    public var event: JSONValue

    /// The reply for the event at `position`.
    public init(position: UInt64, streamVersion: UInt64, type: String, eventID: String, event: JSONValue) {
        (self.position, self.streamVersion, self.type, self.eventID, self.event) = (position, streamVersion, type, eventID, event)
    }
}
