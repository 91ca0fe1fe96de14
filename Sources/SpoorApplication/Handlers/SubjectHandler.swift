import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProtocol

/// The data subject's right of access (inzage), which the privacy officer serves.
package struct SubjectHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let keys: CaseKeys
    let protocols: AdoptedProtocols
    let system: SystemStream
    let access: AccessHandler

    /// Inzage: the whole case for the youth or a parent, as the law gives each access
    /// (``SubjectAccess``), decrypted: its current state and every event with its personal
    /// content, as JSON and as a readable document, less the staff notes not released (they may
    /// name others). The export is recorded in the `system` stream before anything is handed out.
    func export(_ params: SubjectExportParams, _ caller: Caller) async throws -> JSONValue {
        guard let language = SubjectDocument.Language(rawValue: params.language ?? "nl") else {
            throw WireError(.invalidField, "write the letter in nl or en", field: "language")
        }
        guard let readerRole = SubjectAccess.Reader(rawValue: params.for ?? "youth") else {
            throw WireError(.invalidField, "the export is for the youth or a parent", field: "for")
        }
        let stream = try CaseStream.name(of: params.case)
        guard let entry = try projections.entry(of: params.case) else { throw WireError(.notFound, "there is no case \(params.case)") }
        let ground = try SubjectAccess.ground(
            for: readerRole, age: Self.age(of: entry.state, on: .today),
            statement: .init(notAgainstGoodCare: params.notAgainstGoodCare == true, youthConsented: params.youthConsented == true),
            parentsNeedConsentFrom: protocols.current.access.parentsNeedConsentFrom)
        let history = try CaseStream.events(of: stream, in: ledger)
        let released = Set(params.release ?? [])
        if let unknown = released.subtracting(history.map(\.position)).min() {
            throw WireError(.invalidField, "position \(unknown) is not an event of case \(params.case)", field: "release")
        }
        let reader = PersonalContentReader(ledger: ledger, keys: keys)
        var withheld: [UInt64] = []
        let events = history.map { event in
            var payload = (try? JSONValue.parse(event.payload)).map { PersonalContent.merge($0, reader.personal(of: event)) } ?? .string("«not JSON»")
            if Self.isStaffNote(payload["personal"], of: event.type), !released.contains(event.position), case .object(var object) = payload {
                object["personal"] = .string(JSONValue.Redaction.withheld.rawValue)
                payload = .object(object)
                withheld.append(event.position)
            }
            return EventRecord(event, payload: payload)
        }
        let reads = try await access.accessEntries(of: params.case, method: "subject.export", caller)
        try await system.record(
            "subject-exported",
            [
                "case": .string(params.case), "events": .number(Double(events.count)), "for": .string(readerRole.rawValue),
                "ground": .string(ground), "withheld": .array(withheld.map { .number(Double($0)) }),
            ], by: caller)
        // The view shows the state, whose notes name no event: all withheld while any is.
        let view = try CaseReply(entry, history: history, redaction: entry.state.isErased ? .erased : withheld.isEmpty ? nil : .withheld)
        let document = SubjectDocument(language: language, catalogue: protocols.current.catalogue, reader: readerRole, ground: ground)
            .markdown(
                case: try JSONValue(encoding: view), events: try events.map { try JSONValue(encoding: $0) },
                reads: try reads.map { try JSONValue(encoding: $0) },
                withheld: withheld.count)
        return try JSONValue(
            encoding: SubjectExportReply(
                case: view, events: events, document: document, accessLog: reads, for: readerRole.rawValue,
                ground: ground, withheld: withheld))
    }

    /// Free text a member of staff wrote, which may name other people; the youth's or parents' own
    /// statements are theirs.
    static func isStaffNote(_ personal: JSONValue?, of type: String) -> Bool {
        personal?["text"] != nil && type != ClientStatementAdded.kind.type
    }

    /// The youth's age on `day`; once the birth date is erased, the oldest the youth can be, which
    /// gives the parents no more than the law does.
    static func age(of state: CaseState, on day: Day) -> Int {
        state.age(on: day) ?? state.youth.ageAtOpening + state.openedOn.age(on: day) + 1
    }

    package init(
        ledger: Ledger, projections: CaseProjection, keys: CaseKeys, protocols: AdoptedProtocols, system: SystemStream, access: AccessHandler
    ) {
        self.ledger = ledger
        self.projections = projections
        self.keys = keys
        self.protocols = protocols
        self.system = system
        self.access = access
    }
}
