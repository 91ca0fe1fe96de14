import SpoorTestSupport
import Foundation
import SpoorJSON
import Testing
@testable import SpoorDomain

/// The request side of the published schemas: `Schemas/protocol/commands.json` is the catalogue's,
/// and a client that generates bodies from it, as hypothesis-jsonschema does, meets no refusal of
/// a malformed field: what the schema allows, the command decoder reads.
@Suite("A command body the published schema allows is one the daemon reads")
struct RequestSchemaTests {
    /// Runs a Python tool of the repository; its status and what it printed.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static let root = SchemaTests.schemas.deletingLastPathComponent()

    @Test("Schemas/protocol/commands.json is derived from the catalogue and the event schemas (`make schemas` writes it)")
    func commandSchemasFollowTheCatalogue() throws {
        let catalogue = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let lines = EventKind.all.map { kind in
            let entry: JSONValue = [
                "command": .string(kind.command), "type": .string(kind.type),
                "assigned": .array(kind.assigned.map { .string($0.field) }),
            ]
            return String(decoding: entry.serialized, as: UTF8.self)
        }
        try lines.joined(separator: "\n").write(to: catalogue, atomically: true, encoding: .utf8)
        let write = ProcessInfo.processInfo.environment["SPOOR_WRITE_SCHEMAS"] == "1"
        let result = try Self.python([SchemaTests.schemas.appendingPathComponent("commands.py").path, catalogue.path] + (write ? ["--write"] : []))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("bodies drawn from the schemas by hypothesis-jsonschema all decode as their command")
    func generatedBodiesDecode() throws {
        let examples = ProcessInfo.processInfo.environment["SPOOR_SCHEMA_EXAMPLES"] ?? "25"
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.python([Self.root.appendingPathComponent("Tests/Tools/schema_requests.py").path, examples, out.path, "commands"])
        try #require(result.status == 0, "\(result.output)")
        var decoded = 0
        for line in try String(contentsOf: out, encoding: .utf8).split(separator: "\n") {
            let request = try JSONValue.parse(Array(line.utf8))
            guard let command = request["command"]?.string, let body = request["body"] else { continue }
            #expect(throws: Never.self, "\(command) \(String(decoding: body.serialized, as: UTF8.self))") {
                _ = try CaseCommand(name: command, caseID: "c1", body: body)
            }
            decoded += 1
        }
        #expect(decoded >= EventKind.all.count, "every command drew bodies")
    }
}
