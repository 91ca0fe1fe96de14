/// Who touched a signal, how, in which role, when and where in the log: "who forwarded which
/// signal when", for the auditor. Built from the records alone; no personal content enters it.
public struct AuditTrace: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var position: UInt64
        public var recordedOn: Day
        public var actor: String
        public var role: Role
        public var type: String
        /// What happened to the signal, without personal content: "forwarded to care-coordinator".
        public var what: String
    }

    public let signalID: String
    public private(set) var entries: [Entry] = []

    /// The trail of `signalID` through a case's records, in log order.
    public init(signalID: String, records: some Sequence<CaseEventRecord>) {
        self.signalID = signalID
        var reportsOfSignal: Set<String> = []
        for record in records {
            guard let what = Self.describe(record.event, signalID: signalID, reports: &reportsOfSignal) else { continue }
            entries.append(
                Entry(
                    position: record.position, recordedOn: record.recordedOn, actor: record.actor,
                    role: record.role, type: record.event.type, what: what))
        }
    }

    private static func describe(_ event: CaseEvent, signalID id: String, reports: inout Set<String>) -> String? {
        switch event {
        case .signalRecorded(let e) where e.signalID == id:
            return "recorded (\(e.source.rawValue), \(e.nature.rawValue)): \(e.formsOfExploitation.joined(separator: ", "))"
        case .signalRetracted(let e) where e.signalID == id: return "retracted"
        case .signalCorrected(let e) where e.signalID == id:
            return "corrected: \(e.formsOfExploitation.joined(separator: ", "))"
        case .consultationHeld(let e) where e.signalIDs.contains(id):
            return "consulted with \(e.parties.joined(separator: ", "))"
        case .conversationHeld(let e) where e.signalIDs.contains(id):
            return "discussed with \(e.participants.map(\.rawValue).joined(separator: ", "))"
        case .conversationSkipped(let e) where e.signalIDs.contains(id):
            return "conversation skipped: \(e.reason.rawValue)"
        case .weighingRecorded(let e) where e.signalIDs.contains(id):
            return "weighed: \(e.decision.rawValue)\(e.norm.map { " (norm \($0.rawValue))" } ?? "")"
        case .signalForwarded(let e) where e.signalIDs.contains(id):
            return "forwarded to \(e.recipient)"
        case .reportedToVeiligThuis(let e) where e.signalIDs.contains(id):
            reports.insert(e.reportID)
            return "reported to Veilig Thuis as \(e.reportID) (\(e.urgency.rawValue))"
        case .veiligThuisFeedbackReceived(let e) where reports.contains(e.reportID):
            return "feedback from Veilig Thuis on \(e.reportID): \(e.kind.rawValue)"
        default:
            return nil
        }
    }
}
