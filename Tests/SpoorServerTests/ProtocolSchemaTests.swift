import Foundation
import SpoorProtocol
import Testing

@Suite("Every request and reply on the wire fits Schemas/protocol (Python's jsonschema, 2020-12)")
struct ProtocolSchemaTests {
    static let schemas = URL(fileURLWithPath: SystemdUnitTests.packageRoot).appendingPathComponent("Schemas")

    @Test("a session through every method, its errors included")
    func everyMessageValidates() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        var documents: [(schema: String, document: JSONValue)] = []
        /// Sends a request and keeps it and its replies; a request meant to be refused is not kept.
        func exchange(_ method: SpoorProtocol.Method, _ params: JSONValue, valid: Bool = true) throws {
            let request = Request(id: "r\(documents.count)", method: method, params: params)
            if valid { documents.append(("request", try JSONValue(encoding: request))) }
            try client.send(try request.line())
            while true {
                let response = try client.readResponse()
                documents.append(("response", try JSONValue(encoding: response)))
                if let result = response.result { documents.append(("results#/$defs/\(method.rawValue)", result)) }
                if response.done { break }
            }
        }
        let opened: JSONValue = ["unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 15],
                                 "personal": ["name": "Noor", "birthDate": "2011-02-03"]]
        let signal: JSONValue = ["observedOn": "2026-11-03", "source": "own-observation", "formsOfExploitation": ["sexual"], "indicators": ["online"], "nature": "concrete"]
        try exchange(.caseCommand, ["case": "p1", "command": "open-case", "body": opened])
        try exchange(.caseCommand, ["case": "p1", "command": "record-signal", "body": signal, "eventID": .string(UUID().uuidString.lowercased())])
        try exchange(.caseCommand, ["case": "p1", "command": "record-consultation", "role": "attention-officer",
                                    "body": ["signalIDs": ["signal-1"], "heldOn": "2026-11-04", "parties": ["attention-officer"]]])
        try exchange(.caseCommand, ["case": "p1", "command": "give-consent", "body": ["by": "youth", "givenOn": "2026-11-04", "form": "written", "purposes": ["statistics"]]])
        try exchange(.caseCommand, ["case": "p1", "command": "register-at-comensha", "role": "attention-officer",
                                    "body": ["kind": "non-identifiable", "basis": "none", "registeredOn": "2026-11-05"]])
        try exchange(.registrationForm, ["case": "p1"])
        try exchange(.caseShow, ["case": "p1"])
        try exchange(.caseShow, ["case": "missing"])
        try exchange(.caseNext, ["case": "p1", "on": "2026-11-20"])
        try exchange(.worklist, ["on": "2026-12-20", "mine": true, "units": ["u"], "limit": 2])
        try exchange(.caseShow, ["case": "p1", "emergency": true, "reason": "the youth went missing tonight"])
        try exchange(.accessLog, ["case": "p1"])
        try exchange(.accessReview, ["event": "not-an-id", "note": "x"])
        try exchange(.protocolShow, [:])
        try exchange(.protocolShow, ["version": 1])
        try exchange(.protocolReload, [:])  // development mode: the built-in protocol, no file to reload
        try exchange(.auditTrace, ["case": "p1", "signal": "signal-1"])
        try exchange(.stats, ["from": "2026-01-01", "to": "2026-12-31", "by": ["form", "age-group", "unit"]])
        try exchange(.stats, ["by": ["weather"]], valid: false)
        try exchange(.eventsTail, ["from": 1, "limit": 10])
        try exchange(.projectionsRebuild, [:])
        try exchange(.backup, ["path": .string(daemon.folder + "/backup")])
        try exchange(.auditCheckpoint, [:])
        try exchange(.auditProve, ["position": 2, "treeSize": 3])
        try exchange(.auditProve, ["position": 99], valid: true)
        try exchange(.auditConsistency, ["from": 1, "to": 4])
        try exchange(.auditVerify, [:])
        let head = try client.call(.auditCheckpoint)
        try exchange(.auditWitnessed, ["treeSize": try #require(head["treeSize"]), "root": try #require(head["root"]), "previousSize": .null,
                                       "consistent": true])
        try exchange(.backup, ["path": .string(daemon.folder + "/backups"), "verify": true, "keep": 1])
        try exchange(.metrics, [:])
        try exchange(.subjectExport, ["case": "p1"])
        try exchange(.retentionDue, ["on": "2049-01-01"])
        try exchange(.retentionApply, ["on": "2049-01-01"])
        try Data(repeating: 9, count: 32).write(to: URL(fileURLWithPath: daemon.folder + "/next-key"))
        try exchange(.keysRotate, ["newKeyPath": .string(daemon.folder + "/next-key")])
        try exchange(.status, [:])
        try exchange(.status, ["verbose": true], valid: false)
        daemon.stop()

        #expect(Set(documents.filter { $0.schema == "request" }.compactMap { $0.document["method"]?.string }) == Set(SpoorProtocol.Method.allCases.map(\.rawValue)))
        let lines = documents.map { #"{"schema":""# + $0.schema + #"","document":"# + String(decoding: $0.document.serialized, as: UTF8.self) + "}" }
        let result = try Self.validate(lines, in: "protocol")
        #expect(result.status == 0, "\(result.output)")
        try Self.checkTypedReplies(documents)
    }

    /// The reply types of SpoorProtocol, by method: each reply the session got reads strictly as
    /// its type (a field the daemon sends and the type lacks fails), and the type's fields are
    /// exactly the schema's properties (a field added to one and not the other fails).
    static let typedReplies: [SpoorProtocol.Method: @Sendable (JSONValue) throws -> any Sendable] = [
        .caseCommand: { try JSONValueDecoder().decode(CommandReply.self, from: $0) },
        .caseNext: { try JSONValueDecoder().decode(NextStepsReply.self, from: $0) },
        .worklist: { try JSONValueDecoder().decode(WorklistReply.self, from: $0) },
        .stats: { try JSONValueDecoder().decode(StatsReply.self, from: $0) },
        .status: { try JSONValueDecoder().decode(StatusReply.self, from: $0) },
        .keysRotate: { try JSONValueDecoder().decode(RotateReply.self, from: $0) },
        .accessReview: { try JSONValueDecoder().decode(AccessReviewReply.self, from: $0) },
        .auditCheckpoint: { try JSONValueDecoder().decode(CheckpointReply.self, from: $0) },
        .auditWitnessed: { try JSONValueDecoder().decode(WitnessedReply.self, from: $0) },
    ]

    static func checkTypedReplies(_ documents: [(schema: String, document: JSONValue)]) throws {
        let results = try JSONValue.parse(Array(try Data(contentsOf: schemas.appendingPathComponent("protocol/results.json"))))
        var checked: Set<SpoorProtocol.Method> = []
        for (schema, document) in documents where schema.hasPrefix("results#/$defs/") {
            guard let method = SpoorProtocol.Method(rawValue: String(schema.dropFirst("results#/$defs/".count))),
                  let decode = typedReplies[method] else { continue }
            try expectSameFields(try decode(document), as: method, in: results)
            checked.insert(method)
        }
        // Development mode reads every case on a ground, so a review is met elsewhere (NeedToKnowTests).
        try expectSameFields(AccessReviewReply(event: "e", case: "c"), as: .accessReview, in: results)
        #expect(checked.union([.accessReview]) == Set(typedReplies.keys), "every typed reply was met in the session")
    }

    static func expectSameFields(_ reply: Any, as method: SpoorProtocol.Method, in results: JSONValue) throws {
        let fields = Set(Mirror(reflecting: reply).children.compactMap(\.label))
        let properties = Set(results["$defs"]?[method.rawValue]?["properties"]?.object?.keys.map { $0 } ?? [])
        #expect(fields == properties, "\(method.rawValue): the type has \(fields.subtracting(properties).sorted()), the schema \(properties.subtracting(fields).sorted())")
    }

    @Test("the request schema refuses what the daemon refuses")
    func requestSchemaRefuses() throws {
        let bad = [
            #"{"v":2,"id":"x","method":"status"}"#,
            #"{"v":1,"id":"x","method":"status","extra":1}"#,
            #"{"v":1,"id":"x","method":"case.show","params":{"case":"c","colour":"red"}}"#,
            #"{"v":1,"id":"x","method":"drop.tables"}"#,
        ]
        for line in bad {
            #expect(try Self.validate([#"{"schema":"request","document":"# + line + "}"], in: "protocol").status == 1, "\(line)")
        }
    }

    /// The protocol file's schema describes the shipped example, and refuses what the daemon refuses.
    @Test("Schemas/config/protocol.json takes the example protocol and refuses an unknown key or a short retention")
    func protocolSchema() throws {
        let example = try String(contentsOfFile: SystemdUnitTests.packageRoot + "/systemd/protocol.json.example", encoding: .utf8)
        let document = String(decoding: try JSONValue.parse(Array(example.utf8)).serialized, as: UTF8.self)
        #expect(try Self.validate([#"{"schema":"protocol","document":"# + document + "}"], in: "config").status == 0)
        for bad in [document.replacingOccurrences(of: #""version":1"#, with: #""version":1,"colour":"red""#),
                    document.replacingOccurrences(of: #""years":20"#, with: #""years":15"#)] {
            #expect(bad != document)
            #expect(try Self.validate([#"{"schema":"protocol","document":"# + bad + "}"], in: "config").status == 1)
        }
    }

    static func validate(_ lines: [String], in folder: String) throws -> (status: Int32, output: String) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("messages-\(UUID().uuidString).jsonl").path
        try lines.joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        return try SystemdUnitTests.run(["python3", schemas.appendingPathComponent("validate.py").path,
                                         schemas.appendingPathComponent(folder).path, input])
    }
}
