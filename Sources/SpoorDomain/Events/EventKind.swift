import SpoorJSON

/// The payload of one kind of case event: a `Codable` struct that knows its ``EventKind`` and the
/// day it happened. Conforming is how a payload joins the catalogue (``EventKind/all``).
public protocol CaseEventPayload: Codable, Sendable, Equatable, SendableMetatype {
    /// The kind's entry in the catalogue.
    static var kind: EventKind { get }
    /// Whether the payload carries personal content, which the log seals apart.
    var hasPersonalContent: Bool { get }
}

/// A payload with a `personal` part: sealed with the case's key, destroyed by an erasure.
public protocol CarriesPersonalContent: CaseEventPayload {
    associatedtype Personal
    var personal: Personal? { get }
}

extension CaseEventPayload {
    public var hasPersonalContent: Bool { false }
    /// The day the event happened, as the person recorded it (not the day the log recorded it).
    public var day: Day { Self.kind.day(self) }
}

extension CarriesPersonalContent {
    public var hasPersonalContent: Bool { personal != nil }
}

/// One kind of case event and the command that records it: everything the rest of the code
/// derives from, so that a new kind is an entry here plus its decide, its evolve and its schema.
public struct EventKind: Sendable {
    /// The type name in the log's envelope and in `Schemas/events/`: "signal-recorded".
    public let type: String
    /// The command's name on the wire: "record-signal".
    public let command: String
    /// What the command does, in the words of a refusal: "a professional may not record a signal".
    public let action: String
    /// The payload field that holds the day the event happened.
    public let dayField: String
    /// The roles that may issue the command (``Permissions``).
    public let roles: Set<Role>
    /// What the command needs of the case before its own rules are weighed.
    public let preconditions: [Precondition]
    /// The fields the case fills in, which a request leaves out, each with what stands in for it
    /// until the decider fills it in (`nil`: left out).
    let assigned: [(field: String, placeholder: JSONValue?)]
    private let decodePayload: @Sendable (JSONValue) throws -> CaseEvent
    private let dayOf: @Sendable (any CaseEventPayload) -> Day
    private let wrapPayload: @Sendable (any CaseEventPayload) -> CaseEvent

    init<Payload: CaseEventPayload>(
        _: Payload.Type, _ wrap: @escaping @Sendable (Payload) -> CaseEvent, type: String, command: String, action: String,
        day: KeyPath<Payload, Day> & Sendable, _ dayField: String, roles: Set<Role> = Permissions.care, needs: [Precondition] = [],
        assigned: [(field: String, placeholder: JSONValue?)] = []
    ) {
        (self.type, self.command, self.action, self.dayField, self.roles, self.preconditions, self.assigned) =
            (type, command, action, dayField, roles, needs, assigned)
        decodePayload = { json in wrap(try JSONValueDecoder().decode(Payload.self, from: json)) }
        // Each payload type has one kind, so the casts hold: a payload reaches only its own kind.
        dayOf = { payload in (payload as! Payload)[keyPath: day] }
        wrapPayload = { payload in wrap(payload as! Payload) }
    }

    /// The event this kind's payload `json` decodes to; throws the decoder's error.
    func decode(_ json: JSONValue) throws -> CaseEvent { try decodePayload(json) }

    func day(_ payload: any CaseEventPayload) -> Day { dayOf(payload) }

    /// The event of this kind that `payload` (of this kind's payload type) is.
    func wrap(_ payload: any CaseEventPayload) -> CaseEvent { wrapPayload(payload) }

    /// The kind named `type` in the log, if there is one.
    public static func named(_ type: String) -> EventKind? { byType[type] }

    /// The kind whose command is named `command` on the wire, if there is one.
    public static func recordedBy(command: String) -> EventKind? { byCommand[command] }

    private static let byType = Dictionary(uniqueKeysWithValues: all.map { ($0.type, $0) })
    private static let byCommand = Dictionary(uniqueKeysWithValues: all.map { ($0.command, $0) })
}
