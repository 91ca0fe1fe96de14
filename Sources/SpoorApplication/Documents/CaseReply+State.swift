import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

extension CaseReply {
    /// The case as `entry` holds it, with its timeline read from `history`, the case's stream.
    /// Personal content is in plain text unless `redaction` says how to hide it; `.withheld`
    /// leaves out the staff's notes only, as a subject's export does.
    init(_ entry: CaseProjection.Entry, history: [RecordedEvent], redaction: JSONValue.Redaction? = nil) throws {
        let s = entry.state
        func shown(_ value: some Encodable) throws -> JSONValue {
            let json = try JSONValue(encoding: value)
            return switch redaction {
            case nil: json
            case .withheld: json.withholdingNotes()
            case let marker?: json.redactingPersonalContent(as: marker)
            }
        }
        func shown(_ values: some Sequence<some Encodable>) throws -> [JSONValue] { try values.map { try shown($0) } }
        let personal: JSONValue? =
            switch (redaction, s.identity) {
            case (.erased, _): .string(JSONValue.Redaction.erased.rawValue)  // say so, rather than leave it out
            case (_, nil): nil
            case (.withheld?, let identity?): try JSONValue(encoding: identity)  // the youth's own
            case (let marker?, _?): .string(marker.rawValue)
            case (nil, let identity?): try JSONValue(encoding: identity)
            }
        self.init(
            case: s.caseID, version: entry.version, unit: s.unit, open: s.isOpen, erased: s.isErased, openedOn: s.openedOn.description,
            lastChangedOn: s.lastChangedOn.description, youth: try shown(s.youth), personal: personal,
            signals: try s.signals.all.map {
                Signal(
                    recorded: try shown($0.recorded), step: String(describing: $0.step), retracted: $0.isRetracted, forwardedTo: $0.forwardedTo,
                    formsOfExploitation: $0.formsOfExploitation, indicators: $0.indicators)
            },
            consultations: try shown(s.consultations), conversations: try shown(s.conversations),
            skippedConversations: try shown(s.skippedConversations), weighings: try shown(s.weighings),
            reports: try s.reports.all.map {
                Report(report: try shown($0.report), feedbackDueOn: $0.feedbackDue.on.description, feedback: try shown($0.feedback))
            },
            consents: s.consents.map { Consent(party: $0.party.rawValue, state: $0.status.rawValue, on: $0.on.description, form: $0.form?.rawValue) },
            waiverRequest: try s.waiverRequest.map { WaiverRequest(request: try shown($0.request), requestedBy: $0.requestedBy) },
            waiver: try s.waiver.map { try shown($0) }, registrations: try shown(s.registrations),
            registeredElsewhere: try shown(s.registeredElsewhere), declinedRegistrations: try shown(s.declinedRegistrations),
            registrationDue: s.registrationDue.map {
                RegistrationDue(
                    since: $0.since.description, dueOn: $0.due.on.description, because: $0.because,
                    responsible: $0.due.responsible.rawValue, protocolVersion: $0.due.protocolVersion)
            },
            openObligations: s.openObligations.map(\.rawValue), lastRiskAssessment: try s.lastRiskAssessment.map { try shown($0) },
            statements: s.statements,
            timeline: history.prefix { $0.streamVersion <= entry.version }.map {  // the stream may have moved on since
                TimelineEntry(position: $0.position, recordedOn: Day($0.recordedAt).description, type: $0.type, actor: $0.actor.name, role: $0.role)
            },
            deliveries: s.deliveries.map {
                Delivery(
                    registration: $0.registration, sealedOn: $0.sealedOn.description, receivedOn: $0.received?.description,
                    withdrawalAcknowledgedOn: $0.withdrawalAcknowledged?.description, erasureAcknowledgedOn: $0.erasureAcknowledged?.description)
            })
    }
}
