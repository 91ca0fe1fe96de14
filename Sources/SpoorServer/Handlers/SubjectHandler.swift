import Foundation
import SpoorLedger
import SpoorProtocol

/// The data subject's right of access (inzage), which the privacy officer serves.
struct SubjectHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let keys: CaseKeys
    let protocols: AdoptedProtocols
    let system: SystemStream
    let access: AccessHandler

    /// Inzage: the whole case for the youth or parents, decrypted: its current state and every
    /// event with its personal content, as JSON and as a readable document. The export is
    /// recorded in the `system` stream before anything is handed out.
    func export(_ params: SubjectExportParams, _ caller: Caller) async throws -> JSONValue {
        guard let language = SubjectDocument.Language(rawValue: params.language ?? "nl") else {
            throw WireError(.invalidField, "write the letter in nl or en", field: "language")
        }
        let stream = try CaseStream.name(of: params.case)
        guard let entry = try projections.entry(of: params.case) else { throw WireError(.notFound, "there is no case \(params.case)") }
        let reader = PersonalContentReader(ledger: ledger, keys: keys)
        let history = try CaseStream.events(of: stream, in: ledger)
        let events = history.map { event in
            EventRecord(event, payload: (try? JSONValue.parse(event.payload)).map { PersonalContent.merge($0, reader.personal(of: event)) } ?? .string("«not JSON»"))
        }
        let reads = try await access.accessEntries(of: params.case, method: "subject.export", caller)
        try await system.record("subject-exported", ["case": .string(params.case), "events": .number(Double(events.count))], by: caller)
        let view = try CaseReply(entry, history: history, redaction: entry.state.isErased ? .erased : nil)
        let document = SubjectDocument(language: language, catalogue: protocols.current.catalogue)
            .markdown(case: try JSONValue(encoding: view), events: try events.map { try JSONValue(encoding: $0) }, reads: try reads.map { try JSONValue(encoding: $0) })
        return try JSONValue(encoding: SubjectExportReply(case: view, events: events, document: document, accessLog: reads))
    }
}
