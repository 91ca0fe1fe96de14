/// Who appends, in which role, and in what chain of cause: the same for every event of an append.
///
/// The daemon fills the actor from the peer's OS credentials, never from what a client says. A
/// delegate (an integration's OS user) may name the person it vouches for in `onBehalfOf`; the
/// actor stays the delegate.
public struct AppendMetadata: Sendable, Equatable {
    public var actor: Actor
    public var role: String
    public var onBehalfOf: String?
    public var correlationID: EventID
    public var causationID: EventID?

    public init(actor: Actor, role: String, onBehalfOf: String? = nil, correlationID: EventID = EventID(), causationID: EventID? = nil) {
        self.actor = actor
        self.role = role
        self.onBehalfOf = onBehalfOf
        self.correlationID = correlationID
        self.causationID = causationID
    }

    /// The OS user an event is attributed to.
    public struct Actor: Sendable, Hashable, CustomStringConvertible {
        public var uid: UInt32
        public var name: String

        public init(uid: UInt32, name: String) {
            self.uid = uid
            self.name = name
        }

        public var description: String { "\(name) (uid \(uid))" }
    }
}
