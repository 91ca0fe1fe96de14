import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Need-to-know: emergency reads, their review, and the access log of a case (NEN 7513: who read
/// which client's record, when, and on which ground).
package struct AccessHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let system: SystemStream
    /// Opens the free text of the `system` stream, for the privacy officer.
    let reader: PersonalContentReader

    /// The types of the `system` stream's events that record a read of a case's personal content.
    static let readTypes: Set<String> = ["personal-data-read", "subject-exported", EmergencyReviews.accessType]

    /// Records a read without a care relationship, with its reason, for the privacy officer to review.
    func recordEmergency(case caseID: String, reason: String, by caller: Caller) async throws {
        let id = EventID()
        let entry = EmergencyReviews.Entry(event: id, caseID: caseID, actor: caller.principal.name, on: .today, reviewed: false)
        try await system.record(
            EmergencyReviews.accessType, ["case": .string(caseID), "method": "case.show", "ground": "emergency"],
            personal: ["reason": .string(reason)], by: caller, id: id, projector: { _, _ in [EmergencyReviews.record(entry)] })
    }

    /// The privacy officer's review of an emergency read: it leaves the worklist.
    func reviewEmergency(_ params: AccessReviewParams, _ caller: Caller) async throws -> JSONValue {
        guard let id = EventID(params.event) else { throw WireError(.invalidField, "\"\(params.event)\" is not an event id", field: "event") }
        guard let stored = try ledger.projectionValue(for: EmergencyReviews.key(of: id)),
            var entry = EmergencyReviews.entry(key: EmergencyReviews.key(of: id), value: stored)
        else { throw WireError(.notFound, "event \(params.event) is not an emergency read", field: "event") }
        guard !entry.reviewed else { throw WireError(.conflict, "the emergency read \(params.event) is reviewed already", field: "event") }
        let note = params.note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw WireError(.invalidField, "say what the review found", field: "note") }
        entry.reviewed = true
        let reviewed = entry
        try await system.record(
            EmergencyReviews.reviewType, ["event": .string(params.event), "case": .string(entry.caseID)],
            personal: ["note": .string(note)], by: caller, projector: { _, _ in [EmergencyReviews.record(reviewed)] })
        return try JSONValue(encoding: AccessReviewReply(event: params.event, case: entry.caseID))
    }

    /// The emergency reads not yet reviewed, as the privacy officer's worklist lists them.
    func emergenciesToReview() throws -> [EmergencyReviews.Entry] {
        var entries: [EmergencyReviews.Entry] = []
        var after: [UInt8]?
        while true {
            let page = try ledger.projectionRecords(withPrefix: EmergencyReviews.keyPrefix, after: after, limit: 1_024)
            entries += page.compactMap { EmergencyReviews.entry(key: $0.key, value: $0.value) }.filter { !$0.reviewed }
            guard page.count == 1_024 else { return entries }
            after = page.last?.key
        }
    }

    /// Every read and export of the case's personal content, oldest first, from the `system` stream.
    /// The reasons given are sealed: the privacy officer reads them, and that reading is recorded;
    /// an auditor sees that there is one.
    func accessLog(_ params: CaseParams, _ caller: Caller) async throws -> JSONValue {
        _ = try projections.existingEntry(of: params.case)
        let entries = try await accessEntries(of: params.case, method: "access.log", caller)
        return try JSONValue(encoding: AccessLogReply(case: params.case, entries: entries))
    }

    /// The access log of a case, its reasons opened for a privacy officer and the opening recorded.
    func accessEntries(of caseID: String, method: String, _ caller: Caller) async throws -> [AccessEntry] {
        let opening = caller.principal.roles.contains(.privacyOfficer)
        var opened: [UInt64] = []
        let entries = try accessEntries(of: caseID) { event in
            guard opening else { return ["reason": .string(JSONValue.Redaction.sealed.rawValue)] }
            opened.append(event.position)
            return reader.personal(of: event)
        }
        if !opened.isEmpty {
            try await system.record(
                "system-content-read",
                [
                    "case": .string(caseID), "method": .string(method),
                    "positions": .array(opened.map { .number(Double($0)) }),
                ], by: caller)
        }
        return entries
    }

    private func accessEntries(of caseID: String, sealed: (RecordedEvent) -> JSONValue?) throws -> [AccessEntry] {
        try CaseStream.events(of: .system, in: ledger).compactMap { event -> AccessEntry? in
            guard Self.readTypes.contains(event.type), let payload = try? JSONValue.parse(event.payload),
                payload["case"]?.string == caseID
            else { return nil }
            let ground = payload["ground"]?.string ?? (event.type == "subject-exported" ? "subject access" : "care")
            // Recorded before the reasons were sealed, a reason is in the payload.
            let reason = payload["reason"] ?? (event.sealedDigest == nil ? nil : sealed(event)?["reason"])
            return AccessEntry(
                position: event.position, event: event.id.description, recordedAt: event.recordedAt.formatted(.iso8601),
                actor: event.actor.name, role: event.role, what: payload["method"]?.string ?? event.type, ground: ground,
                reason: reason?.string)
        }
    }

    package init(ledger: Ledger, projections: CaseProjection, system: SystemStream, reader: PersonalContentReader) {
        self.ledger = ledger
        self.projections = projections
        self.system = system
        self.reader = reader
    }
}
