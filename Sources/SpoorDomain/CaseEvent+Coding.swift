import Foundation
import SpoorJSON

extension CaseEvent {
    /// The schema version of every event type written by this code.
    public static let schemaVersion: UInt16 = 1

    /// The event's payload, the body the ledger stores (as JSON with sorted keys); its type and
    /// schema version travel in the envelope.
    public func payload() throws -> JSONValue {
        try JSONValueEncoder().encode(body)
    }

    /// Decodes a stored event from its payload's JSON text.
    public init(type: String, schemaVersion: UInt16, payload: some Collection<UInt8>) throws(DomainError) {
        guard let json = try? JSONValue.parse(payload) else { throw .invalidField("payload", "\(type) is not JSON") }
        try self.init(type: type, schemaVersion: schemaVersion, payload: json)
    }

    /// Decodes an event; an unknown type or schema version, or a payload that does not fit the
    /// type (a field missing, mistyped or unknown), is a typed error naming what is wrong.
    public init(type: String, schemaVersion: UInt16, payload: JSONValue) throws(DomainError) {
        guard schemaVersion == Self.schemaVersion else {
            throw .invalidField("schemaVersion", "\(type) version \(schemaVersion) is unknown; this build reads version \(Self.schemaVersion)")
        }
        guard let kind = EventKind.named(type) else { throw .invalidField("type", "\"\(type)\" is not an event type") }
        do {
            self = try kind.decode(payload)
        } catch let unknown as JSONValueDecoder.UnknownKey {
            throw .invalidField(
                unknown.path,
                "is not a field of \(unknown.typeName)"
                    + (NearMiss.suggestion(for: unknown.key, among: unknown.fields).map { "; did you mean \($0)?" } ?? ""))
        } catch let unknown as JSONValueDecoder.UnknownValue {
            throw .invalidField(unknown.path, NearMiss.unknown(unknown))
        } catch let DecodingError.keyNotFound(key, context) where !context.codingPath.isEmpty {
            throw .invalidField((context.codingPath + [key]).map(\.stringValue).joined(separator: "."), "is missing from \(type)")
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidField(key.stringValue, "is missing from \(type)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalidField(context.codingPath.map(\.stringValue).joined(separator: "."), "has the wrong type in \(type)")
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidField(context.codingPath.map(\.stringValue).joined(separator: "."), "is not valid in \(type): \(context.debugDescription)")
        } catch let error as DomainError {
            throw error
        } catch {
            throw .invalidField("payload", "\(type) does not decode: \(error)")
        }
    }

    /// Whether the event carries personal content (a `personal` part with a value).
    public var hasPersonalContent: Bool { body.hasPersonalContent }

    /// The event's kind in the catalogue.
    public var kind: EventKind { Swift.type(of: body).kind }

    /// The event's type name, as stored in the log's envelope and named in `Schemas/events/`.
    public var type: String { kind.type }

    /// The day the event happened, as recorded by the person (not the day the log recorded it).
    public var day: Day { body.day }

    /// The event's body: the struct its payload decodes to.
    public var body: any CaseEventPayload {
        switch self {
        case .caseOpened(let e): e
        case .caseClosed(let e): e
        case .caseReopened(let e): e
        case .caseTransferred(let e): e
        case .casesLinked(let e): e
        case .signalRecorded(let e): e
        case .signalRetracted(let e): e
        case .signalCorrected(let e): e
        case .riskAssessed(let e): e
        case .consultationHeld(let e): e
        case .conversationHeld(let e): e
        case .conversationSkipped(let e): e
        case .weighingRecorded(let e): e
        case .signalForwarded(let e): e
        case .reportedToVeiligThuis(let e): e
        case .veiligThuisFeedbackReceived(let e): e
        case .authorityRecorded(let e): e
        case .consentRequested(let e): e
        case .consentGiven(let e): e
        case .consentRefused(let e): e
        case .consentWithdrawn(let e): e
        case .consentWaiverRequested(let e): e
        case .consentWaived(let e): e
        case .parentalOverrideRequested(let e): e
        case .parentalRefusalOverridden(let e): e
        case .registeredAtCoMensha(let e): e
        case .registrationDeclined(let e): e
        case .registeredElsewhere(let e): e
        case .registrationSealed(let e): e
        case .registrationAcknowledged(let e): e
        case .withdrawalNotified(let e): e
        case .clientStatementAdded(let e): e
        case .personalDataErased(let e): e
        case .screeningRecorded(let e): e
        case .erasureRequested(let e): e
        case .legalHoldPlaced(let e): e
        case .legalHoldLifted(let e): e
        case .carerAssigned(let e): e
        case .carerUnassigned(let e): e
        }
    }
}
