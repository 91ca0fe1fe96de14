import Foundation
import SpoorDomain
import SpoorProtocol
@testable import SpoorApplication
import SpoorServer
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
        let opened: JSONValue = [
            "unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 15],
            "personal": ["name": "Noor", "birthDate": "2011-02-03"],
        ]
        let signal: JSONValue = [
            "observedOn": "2026-11-03", "source": "own-observation", "formsOfExploitation": ["sexual"], "indicators": ["online"],
            "nature": "concrete",
        ]
        try exchange(.caseCommand, ["case": "p1", "command": "open-case", "body": opened])
        try exchange(.caseCommand, ["case": "p1", "command": "record-signal", "body": signal, "eventID": .string(UUID().uuidString.lowercased())])
        try exchange(
            .caseCommand,
            [
                "case": "p1", "command": "record-consultation", "role": "attention-officer",
                "body": ["signalIDs": ["signal-1"], "heldOn": "2026-11-04", "parties": ["attention-officer"]],
            ])
        try exchange(
            .caseCommand,
            [
                "case": "p1", "command": "give-consent",
                "body": ["by": "youth", "givenOn": "2026-11-04", "form": "written", "purposes": ["statistics"]],
            ])
        try exchange(
            .caseCommand,
            [
                "case": "p1", "command": "register-at-comensha", "role": "attention-officer",
                "body": ["kind": "non-identifiable", "basis": "none", "registeredOn": "2026-11-05"],
            ])
        try exchange(.registrationForm, ["case": "p1"])
        try exchange(.caseShow, ["case": "p1"])
        try exchange(.caseShow, ["case": "missing"])
        try exchange(.caseList, ["unit": "u", "limit": 10])
        try exchange(.caseList, ["colour": "red"], valid: false)
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
        try exchange(
            .auditWitnessed,
            [
                "treeSize": try #require(head["treeSize"]), "root": try #require(head["root"]), "previousSize": .null,
                "consistent": true,
            ])
        try exchange(.auditCosigned, ["checkpoint": try #require(head["checkpoint"]), "cosignature": "— hub.example/witness AAAA\n"])
        try exchange(.registrationOutbox, [:])
        try exchange(
            .registrationAcknowledged,
            ["delivery": "5f0c7d3e-0000-4000-8000-000000000000", "subject": "registration", "acknowledgedOn": "2026-11-06"])
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

        #expect(
            Set(documents.filter { $0.schema == "request" }.compactMap { $0.document["method"]?.string })
                == Set(SpoorProtocol.Method.allCases.map(\.rawValue)))
        let lines = documents.map { #"{"schema":""# + $0.schema + #"","document":"# + String(decoding: $0.document.serialized, as: UTF8.self) + "}" }
        let result = try Self.validate(lines, in: "protocol")
        #expect(result.status == 0, "\(result.output)")
        try Self.checkTypedReplies(documents)
    }

    /// The reply types of SpoorProtocol, by method (a streaming method's lines, then its last): each
    /// reply the session got reads strictly as one of its method's types (a field the daemon sends
    /// and the type lacks fails), and each type's fields are exactly the properties of its schema, or
    /// of one branch of it, or of all its branches (a field added to one and not the other fails).
    static var typedReplies: [SpoorProtocol.Method: [any Decodable.Type]] {
        [
            .status: [StatusReply.self], .metrics: [MetricsReply.self], .caseCommand: [CommandReply.self], .caseShow: [CaseReply.self],
            .caseList: [CaseListReply.self],
            .caseNext: [NextStepsReply.self], .registrationForm: [RegistrationFormReply.self], .worklist: [WorklistReply.self],
            .auditTrace: [TraceReply.self], .stats: [StatsReply.self], .eventsTail: [EventRecord.self, TailEnd.self],
            .projectionsRebuild: [RebuildProgress.self, RebuildReply.self], .backup: [BackupReply.self], .auditCheckpoint: [CheckpointReply.self],
            .auditProve: [ProveReply.self], .auditConsistency: [ConsistencyReply.self], .auditWitnessed: [WitnessedReply.self],
            .auditCosigned: [CosignedReply.self],
            .auditVerify: [VerifyReply.self], .subjectExport: [SubjectExportReply.self], .retentionDue: [RetentionDueReply.self],
            .retentionApply: [RetentionApplyReply.self], .keysRotate: [RotateReply.self], .protocolShow: [ProtocolShowReply.self],
            .protocolReload: [ReloadReply.self], .accessLog: [AccessLogReply.self], .accessReview: [AccessReviewReply.self],
            .registrationOutbox: [Outbox.self], .registrationAcknowledged: [AcknowledgementReply.self],
        ]
    }

    /// Replies the session cannot meet: development mode reads every case on a ground, so a review is
    /// met elsewhere (NeedToKnowTests), trusts no witness, so a cosignature is kept in CosignatureTests,
    /// and has no protocol file to reload (ProtocolScenarioTests), nor a delivery to acknowledge (NationalTests); a
    /// rebuild of a few events may end before its first progress line.
    static var unmet: [(SpoorProtocol.Method, Any)] {
        [
            (.accessReview, AccessReviewReply(event: "e", case: "c")), (.auditCosigned, CosignedReply(recorded: ["w"], treeSize: 1)),
            (.protocolReload, ReloadReply(version: 1, digest: "", adopted: false)),
            (.projectionsRebuild, RebuildProgress(applied: 0, target: 0)),
            (.registrationAcknowledged, AcknowledgementReply(recorded: true, position: 1)),
        ]
    }

    static func checkTypedReplies(_ documents: [(schema: String, document: JSONValue)]) throws {
        let results = try JSONValue.parse(Array(try Data(contentsOf: schemas.appendingPathComponent("protocol/results.json"))))
        #expect(Set(typedReplies.keys) == Set(SpoorProtocol.Method.allCases), "every method has its reply types")
        var met: [(SpoorProtocol.Method, Any)] = unmet
        for (schema, document) in documents where schema.hasPrefix("results#/$defs/") {
            guard let method = SpoorProtocol.Method(rawValue: String(schema.dropFirst("results#/$defs/".count))) else {
                Issue.record("\(schema) names no method")
                continue
            }
            let decoded = (typedReplies[method] ?? []).compactMap { type in try? JSONValueDecoder().decode(type, from: document) }
            #expect(decoded.count == 1, "\(method.rawValue): \(document) reads as exactly one of its reply types")
            met += decoded.map { (method, $0) }
        }
        for (method, types) in typedReplies {
            let metTypes = Set(met.filter { $0.0 == method }.map { ObjectIdentifier(type(of: $0.1)) })
            #expect(metTypes == Set(types.map(ObjectIdentifier.init)), "\(method.rawValue): every reply type was met in the session")
        }
        for (method, reply) in met { expectSameFields(reply, as: method, in: results) }
    }

    static func expectSameFields(_ reply: Any, as method: SpoorProtocol.Method, in results: JSONValue) {
        let fields = Set(Mirror(reflecting: reply).children.compactMap(\.label))
        let definition = results["$defs"]?[method.rawValue]
        let branches = definition?["oneOf"]?.array ?? [definition ?? .null]
        var properties = branches.map { Set($0["properties"]?.object?.keys.map { $0 } ?? []) }
        properties.append(properties.reduce(into: []) { $0.formUnion($1) })  // one type for every branch
        #expect(
            properties.contains(fields),
            "\(method.rawValue): \(type(of: reply)) has \(fields.sorted()); the schema's properties are \(properties.map { $0.sorted() })")
    }

    /// How the daemon reads each method's parameters: strictly into the method's type, as
    /// `Dispatcher.params` does, then each day they name, as `Day.requested` does.
    static func read(_ method: SpoorProtocol.Method, _ params: JSONValue) throws {
        func read<T: Decodable>(_: T.Type, days: [String] = []) throws {
            _ = try params.decode(as: T.self)
            for field in days { if let text = params[field]?.string { _ = try Day(parsing: text) } }
        }
        if !method.takesParameters { return try read(EmptyParams.self) }
        switch method {
        case .status, .metrics, .projectionsRebuild, .auditCheckpoint, .auditVerify, .protocolReload, .registrationOutbox: break
        case .registrationAcknowledged: try read(Acknowledgement.self, days: ["acknowledgedOn"])
        case .caseCommand: _ = try CommandParams(json: params)
        case .caseShow: try read(CaseShowParams.self)
        case .caseList: try read(CaseListParams.self)
        case .caseNext, .accessLog: try read(CaseParams.self, days: ["on"])
        case .registrationForm: try read(RegistrationFormParams.self)
        case .worklist: try read(WorklistParams.self, days: ["on"])
        case .auditTrace: try read(TraceParams.self)
        case .stats: try read(StatsParams.self, days: ["from", "to"])
        case .eventsTail: try read(TailParams.self)
        case .backup: try read(BackupParams.self)
        case .auditProve: try read(ProveParams.self)
        case .auditConsistency: try read(ConsistencyParams.self)
        case .auditWitnessed: try read(WitnessedParams.self)
        case .auditCosigned: try read(CosignedParams.self)
        case .subjectExport: try read(SubjectExportParams.self)
        case .retentionDue, .retentionApply: try read(RetentionParams.self, days: ["on"])
        case .keysRotate: try read(RotateParams.self)
        case .protocolShow: try read(ProtocolShowParams.self)
        case .accessReview: try read(AccessReviewParams.self)
        }
    }

    @Test("parameters drawn from Schemas/protocol/params.json by hypothesis-jsonschema all read as their method's")
    func generatedParametersRead() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("params-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let tool = SystemdUnitTests.packageRoot + "/Tests/Tools/schema_requests.py"
        let result = try SystemdUnitTests.run([
            "python3", tool, ProcessInfo.processInfo.environment["SPOOR_SCHEMA_EXAMPLES"] ?? "25", out.path, "params",
        ])
        try #require(result.status == 0, "\(result.output)")
        var methods: Set<SpoorProtocol.Method> = []
        for line in try String(contentsOf: out, encoding: .utf8).split(separator: "\n") {
            let drawn = try JSONValue.parse(Array(line.utf8))
            let method = try #require(drawn["method"]?.string.flatMap { SpoorProtocol.Method(rawValue: $0) })
            let params = drawn["params"] ?? .null
            #expect(throws: Never.self, "\(method.rawValue) \(String(decoding: params.serialized, as: UTF8.self))") { try Self.read(method, params) }
            methods.insert(method)
        }
        #expect(methods == Set(SpoorProtocol.Method.allCases).subtracting([.caseCommand]), "every method drew parameters")
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
        for bad in [
            document.replacingOccurrences(of: #""version":1"#, with: #""version":1,"colour":"red""#),
            document.replacingOccurrences(of: #""years":20"#, with: #""years":15"#),
        ] {
            #expect(bad != document)
            #expect(try Self.validate([#"{"schema":"protocol","document":"# + bad + "}"], in: "config").status == 1)
        }
    }

    /// Issue 28: "`Schemas/config/` has JSON Schemas for `spoord.json` … (every key …), and the shipped
    /// examples validate against them in a test." The relay's and the hub's too.
    @Test("Schemas/config holds every key of spoord.json, the relay's and the hub's configuration, and the shipped examples validate")
    func configurationSchemas() throws {
        let root = SystemdUnitTests.packageRoot
        let schema = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: root + "/Schemas/config/spoord.json"))))
        let keys = Set(Mirror(reflecting: ServerConfiguration()).children.compactMap(\.label))
        #expect(Set(schema["properties"]?.object?.keys.map { $0 } ?? []) == keys, "the schema and ServerConfiguration name other keys")
        for (name, example) in [
            ("spoord", "/systemd/spoord.json.example"), ("hub", "/systemd/national/hub.json.example"),
            ("relay", "/systemd/national/relay.json.example"), ("comensha", "/systemd/national/comensha.json.example"),
        ] {
            let text = try String(contentsOfFile: root + example, encoding: .utf8)
            let document = String(decoding: try JSONValue.parse(Array(text.utf8)).serialized, as: UTF8.self)
            #expect(try Self.validate([#"{"schema":""# + name + #"","document":"# + document + "}"], in: "config").status == 0, "\(example)")
            let unknown = "{\"colour\":\"red\"," + document.dropFirst()
            #expect(
                try Self.validate([#"{"schema":""# + name + #"","document":"# + unknown + "}"], in: "config").status == 1,
                "\(name) takes an unknown key")
        }
        _ = try ServerConfiguration.load(from: root + "/systemd/spoord.json.example")  // and spoord reads the example
    }

    static func validate(_ lines: [String], in folder: String) throws -> (status: Int32, output: String) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("messages-\(UUID().uuidString).jsonl").path
        try lines.joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        return try SystemdUnitTests.run([
            "python3", schemas.appendingPathComponent("validate.py").path,
            schemas.appendingPathComponent(folder).path, input,
        ])
    }
}
