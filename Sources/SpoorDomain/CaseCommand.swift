import SpoorJSON

/// What a person asks of a case: the event they would record. ``Decider`` checks it against the
/// rules, fills in what the case decides (signal and report ids) and returns the events. Its name,
/// roles and preconditions are its kind's, in the catalogue (``EventKind``).
public struct CaseCommand: Sendable, Equatable {
    /// The event as asked for, before the case fills in its part.
    public var event: CaseEvent

    public init(_ event: CaseEvent) { self.event = event }

    /// The command that records `payload`.
    public init<Payload: CaseEventPayload>(_ payload: Payload) { self.event = Payload.kind.wrap(payload) }

    /// The catalogue's entry for the command.
    public var kind: EventKind { event.kind }

    /// What the command does, in the words of a refusal: "a professional may not …".
    public var action: String { kind.action }

    /// Whether the command opens a case, the one command for a case that does not exist yet.
    public var opens: Bool {
        if case .caseOpened = event { return true }
        return false
    }

    /// Whether the command erases the case's personal data.
    public var erases: Bool {
        if case .personalDataErased = event { return true }
        return false
    }

    /// Decodes the command `name` on case `caseID` from its JSON `body`: the fields of the event
    /// it records, less those the case fills in (the case id, new signal and report ids).
    /// Missing, mistyped or unknown fields are a typed error naming the field.
    public init(name: String, caseID: String, body: JSONValue) throws(DomainError) {
        guard let kind = EventKind.recordedBy(command: name) else {
            throw .invalidField("command", "\"\(name)\" is not a command; known: \(EventKind.all.map(\.command).sorted().joined(separator: ", "))")
        }
        guard case .object(var object) = body else { throw .invalidField("body", "must be a JSON object") }
        for (field, placeholder) in kind.assigned {
            guard object[field] == nil else { throw .invalidField(field, "is assigned by the case, not by the request") }
            object[field] = placeholder
        }
        if kind.type == CaseOpened.kind.type { object["caseID"] = .string(caseID) }
        self.init(try CaseEvent(type: kind.type, schemaVersion: CaseEvent.schemaVersion, payload: .object(object)))
    }
}
