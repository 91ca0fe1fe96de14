/// Who appends, in which role, and in what chain of cause: the same for every event of an append.
///
/// The daemon fills the actor from the peer's OS credentials, never from what a client says. A
/// delegate (an integration's OS user) may name the person it vouches for in `onBehalfOf`; the
/// actor stays the delegate.
public struct AppendMetadata: Sendable, Equatable {
    /// Who appends: the peer's OS user, from the kernel.
    public var actor: Actor
    /// The role the actor acts in.
    public var role: String
    /// The person a delegate vouches for; `nil` when the actor acts for itself.
    public var onBehalfOf: String?
    /// The id that ties the events of one piece of work together.
    public var correlationID: EventID
    /// The event that caused these, if any.
    public var causationID: EventID?

    /// The metadata of one append; a new correlation id unless one is given.
    public init(actor: Actor, role: String, onBehalfOf: String? = nil, correlationID: EventID = EventID(), causationID: EventID? = nil) {
        self.actor = actor
        self.role = role
        self.onBehalfOf = onBehalfOf
        self.correlationID = correlationID
        self.causationID = causationID
    }

    /// The OS user an event is attributed to.
    public struct Actor: Sendable, Hashable, CustomStringConvertible {
        /// The OS user id, from the kernel (SO_PEERCRED).
        public var uid: UInt32
        /// The user's name in passwd at the time of the append.
        public var name: String

        /// The actor with `uid` and `name`.
        public init(uid: UInt32, name: String) {
            self.uid = uid
            self.name = name
        }

        /// The name with its uid, for messages and logs.
        public var description: String { "\(name) (uid \(uid))" }
    }
}
