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
        guard let decode = Self.decoders[type] else { throw .invalidField("type", "\"\(type)\" is not an event type") }
        do {
            self = try decode(payload)
        } catch let unknown as JSONValueDecoder.UnknownKey {
            throw .invalidField(unknown.path, "is not a field of \(unknown.typeName)")
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

    /// Whether the event carries personal content (a `personal` field with a value).
    public var hasPersonalContent: Bool {
        Mirror(reflecting: body).children.contains { child in
            child.label == "personal" && Mirror(reflecting: child.value).children.count > 0
        }
    }

    /// The event's body: the struct its payload decodes to.
    var body: any Encodable {
        switch self {
        case .caseOpened(let e): e
        case .caseClosed(let e): e
        case .caseReopened(let e): e
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
        case .consentRequested(let e): e
        case .consentGiven(let e): e
        case .consentRefused(let e): e
        case .consentWithdrawn(let e): e
        case .consentWaiverRequested(let e): e
        case .consentWaived(let e): e
        case .registeredAtCoMensha(let e): e
        case .registrationDeclined(let e): e
        case .registeredElsewhere(let e): e
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

    private static let decoders: [String: @Sendable (JSONValue) throws -> CaseEvent] = {
        func entry<T: Decodable & SendableMetatype>(_ type: String, _: T.Type, _ wrap: @escaping @Sendable (T) -> CaseEvent) -> (String, @Sendable (JSONValue) throws -> CaseEvent) {
            (type, { json in wrap(try JSONValueDecoder().decode(T.self, from: json)) })
        }
        return Dictionary(uniqueKeysWithValues: [
            entry("case-opened", CaseOpened.self, CaseEvent.caseOpened),
            entry("case-closed", CaseClosed.self, CaseEvent.caseClosed),
            entry("case-reopened", CaseReopened.self, CaseEvent.caseReopened),
            entry("signal-recorded", SignalRecorded.self, CaseEvent.signalRecorded),
            entry("signal-retracted", SignalRetracted.self, CaseEvent.signalRetracted),
            entry("signal-corrected", SignalCorrected.self, CaseEvent.signalCorrected),
            entry("risk-assessed", RiskAssessed.self, CaseEvent.riskAssessed),
            entry("consultation-held", ConsultationHeld.self, CaseEvent.consultationHeld),
            entry("conversation-held", ConversationHeld.self, CaseEvent.conversationHeld),
            entry("conversation-skipped", ConversationSkipped.self, CaseEvent.conversationSkipped),
            entry("weighing-recorded", WeighingRecorded.self, CaseEvent.weighingRecorded),
            entry("signal-forwarded", SignalForwarded.self, CaseEvent.signalForwarded),
            entry("reported-to-veilig-thuis", ReportedToVeiligThuis.self, CaseEvent.reportedToVeiligThuis),
            entry("veilig-thuis-feedback-received", VeiligThuisFeedbackReceived.self, CaseEvent.veiligThuisFeedbackReceived),
            entry("consent-requested", ConsentRequested.self, CaseEvent.consentRequested),
            entry("consent-given", ConsentGiven.self, CaseEvent.consentGiven),
            entry("consent-refused", ConsentRefused.self, CaseEvent.consentRefused),
            entry("consent-withdrawn", ConsentWithdrawn.self, CaseEvent.consentWithdrawn),
            entry("consent-waiver-requested", ConsentWaiverRequested.self, CaseEvent.consentWaiverRequested),
            entry("consent-waived", ConsentWaived.self, CaseEvent.consentWaived),
            entry("registered-at-comensha", RegisteredAtCoMensha.self, CaseEvent.registeredAtCoMensha),
            entry("registration-declined", RegistrationDeclined.self, CaseEvent.registrationDeclined),
            entry("registered-elsewhere", RegisteredElsewhere.self, CaseEvent.registeredElsewhere),
            entry("client-statement-added", ClientStatementAdded.self, CaseEvent.clientStatementAdded),
            entry("personal-data-erased", PersonalDataErased.self, CaseEvent.personalDataErased),
            entry("screening-recorded", ScreeningRecorded.self, CaseEvent.screeningRecorded),
            entry("erasure-requested", ErasureRequested.self, CaseEvent.erasureRequested),
            entry("legal-hold-placed", LegalHoldPlaced.self, CaseEvent.legalHoldPlaced),
            entry("legal-hold-lifted", LegalHoldLifted.self, CaseEvent.legalHoldLifted),
            entry("carer-assigned", CarerAssigned.self, CaseEvent.carerAssigned),
            entry("carer-unassigned", CarerUnassigned.self, CaseEvent.carerUnassigned),
        ])
    }()
}
