import SpoorTestSupport
import Foundation
import Testing
@testable import SpoorDomain

@Suite("Every event the domain produces fits its JSON Schema (Python's jsonschema, 2020-12)")
struct SchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas")

    /// Runs Schemas/validate.py on `documents` against the event schemas; returns its status and report.
    static func validate(_ documents: [(schema: String, document: Data)]) throws -> (status: Int32, report: String) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(UUID().uuidString).jsonl")
        let lines = documents.map { #"{"schema":""# + $0.schema + #"","document":"# + String(decoding: $0.document, as: UTF8.self) + "}" }
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", schemas.appendingPathComponent("validate.py").path, schemas.appendingPathComponent("events").path, input.path,
        ]
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: report.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: report) }
        let handle = try FileHandle(forWritingTo: report)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: report, encoding: .utf8)) ?? "")
    }

    @Test("every event type appears in the sample case and validates")
    func everyEventValidates() throws {
        let events = try EveryEventType.harness().records.map(\.event)
        #expect(Set(events.map(\.type)) == Set(EventKind.all.map(\.type)))
        let result = try Self.validate(try events.map { ($0.type, Data(try $0.payload().serialized)) })
        #expect(result.status == 0, "\(result.report)")
    }

    @Test("a schema refuses what the decoder refuses: an extra field, a missing field, a bad date")
    func schemaRefusesBadDocuments() throws {
        let bad: [(String, String)] = [
            ("case-reopened", #"{"reopenedOn":"2026-10-02","by":"me"}"#),
            ("case-closed", #"{"closedOn":"2026-10-02"}"#),
            ("consent-given", #"{"by":"youth","givenOn":"2026-13-02","inWriting":true}"#),
        ]
        for (type, json) in bad {
            let result = try Self.validate([(type, Data(json.utf8))])
            #expect(result.status == 1, "\(type) \(json) passed the schema")
            #expect(throws: DomainError.self) { try CaseEvent(type: type, schemaVersion: 1, payload: Data(json.utf8)) }
        }
    }
}
