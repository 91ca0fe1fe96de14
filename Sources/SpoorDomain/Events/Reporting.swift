import SpoorJSON
/// A signal passed on, inside or outside the institution: what the auditor traces.
public struct SignalForwarded: Codable, Sendable, Equatable {
    public var signalIDs: [String]
    public var forwardedOn: Day
    /// Catalogue id of the recipient, e.g. `attention-officer`, `care-coordinator`.
    public var recipient: String
}

/// Meldcode step 5: the melding to Veilig Thuis.
public struct ReportedToVeiligThuis: Codable, Sendable, Equatable {
    public enum Urgency: String, CaseIterable, NamedValues, Codable, Sendable { case acute, regular }
    public var reportID: String
    public var signalIDs: [String]
    public var reportedOn: Day
    public var urgency: Urgency
    public var discussedWithClient: Bool
    /// Why the report was not discussed with the client, when it was not.
    public var notDiscussedReason: ConversationSkipped.Reason?
    /// Veilig Thuis's own reference, when known.
    public var reference: String?
}

/// Terugkoppeling: Veilig Thuis's feedback on a report.
public struct VeiligThuisFeedbackReceived: Codable, Sendable, Equatable {
    public enum Kind: String, CaseIterable, NamedValues, Codable, Sendable {
        case safetyAssessment = "safety-assessment", investigationClosed = "investigation-closed"
    }
    public var reportID: String
    public var receivedOn: Day
    public var kind: Kind
    /// Sealed: the content of the feedback.
    public var personal: Note?
}
