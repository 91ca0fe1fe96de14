import Foundation
import Glibc
import SpoorDomain
import SpoorProtocol
import Testing

/// Every method × every role, and a user with no role, through the real daemon: the table below is
/// the documented policy, written out by hand, and a method added without a row fails the test.
/// `status` too needs a role: reaching the socket (group `spoor-admin`) is not enough.
@Suite("The authorisation matrix of the wire methods", .serialized)
struct AuthorisationMatrixTests {
    static let care: Set<Role> = [.professional, .attentionOfficer, .behaviouralScientist]
    static let officers: Set<Role> = [.attentionOfficer, .behaviouralScientist]
    static let everyone = Set(Role.allCases)

    /// Who may call each method at all (commands are then checked one by one by the domain).
    static let matrix: [SpoorProtocol.Method: Set<Role>] = [
        .status: everyone, .metrics: [.admin, .auditor, .monitor],
        // A delegate (an integration) sends commands for the carers it vouches for, and reads nothing.
        // The relay reads the log's public parts and hands back cosignatures, nothing else.
        .stats: everyone.subtracting([.monitor, .delegate, .relay]), .caseCommand: everyone.subtracting([.monitor, .relay]),
        .protocolShow: everyone.subtracting([.monitor, .delegate, .relay]),
        .caseShow: care.union([.auditor, .privacyOfficer]), .caseList: care.union([.auditor, .privacyOfficer]),
        .caseNext: care, .registrationForm: care, .worklist: care.union([.privacyOfficer]),
        .auditTrace: officers.union([.auditor, .privacyOfficer]),
        .auditCheckpoint: officers.union([.auditor, .admin, .privacyOfficer, .relay]),
        .auditProve: officers.union([.auditor, .admin, .privacyOfficer, .relay]),
        .auditConsistency: officers.union([.auditor, .admin, .privacyOfficer, .relay]),
        .auditVerify: officers.union([.auditor, .admin, .privacyOfficer]),
        .auditWitnessed: [.auditor], .auditCosigned: [.relay], .registrationOutbox: [.relay], .registrationAcknowledged: [.relay],
        .eventsTail: [.admin, .auditor, .relay],
        .projectionsRebuild: [.admin], .backup: [.admin], .keysRotate: [.admin], .protocolReload: [.admin],
        .subjectExport: [.privacyOfficer], .retentionDue: [.privacyOfficer], .retentionApply: [.privacyOfficer],
        .accessReview: [.privacyOfficer], .accessLog: [.privacyOfficer, .auditor],
    ]

    @Test("every method has a row")
    func everyMethodHasARow() {
        #expect(Set(Self.matrix.keys) == Set(SpoorProtocol.Method.allCases))
    }

    @Test("each role, and a user with none, is let through or denied as the table says")
    func matrixHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        func configure(_ roles: [Role]) throws {
            let list = roles.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            let users = roles.isEmpty ? "{}" : #"{"\#(me)": [\#(list)]}"#
            try
                (#"""
            {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
             "signsCheckpoints": false, "users": \#(users)}
            """#)
            .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        }
        try configure([.admin])  // to start: the test sees it serve by its status
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        var reloads = 0
        for identity in [nil] + Role.allCases.map(Optional.some) {
            try configure(identity.map { [$0] } ?? [])
            kill(daemon.process.processIdentifier, SIGHUP)
            reloads += 1
            for _ in 0..<250 where daemon.log.components(separatedBy: "reloaded users and roles").count - 1 < reloads { usleep(20_000) }
            for method in SpoorProtocol.Method.allCases {
                let client = try SocketClient(socketPath: folder + "/s.sock")
                let denied: Bool
                do {
                    _ = try client.call(method, [:]) { _ in }
                    denied = false
                } catch ClientError.daemon(let error) {
                    denied = error.code == .denied
                }
                // root checks the daemon's health without a role (issue 28).
                let allowed = identity.map { Self.matrix[method]?.contains($0) == true } ?? (method == .status && getuid() == 0)
                #expect(
                    denied == !allowed, "\(method.rawValue) as \(identity?.rawValue ?? "a user with no role"): \(denied ? "denied" : "let through")")
            }
        }
    }
}

@Suite("The authorisation matrix of the domain commands")
struct CommandMatrixTests {
    /// Who may issue each command, by its wire name.
    static let matrix: [String: Set<Role>] = {
        let care: Set<Role> = [.professional, .attentionOfficer, .behaviouralScientist]
        let officers: Set<Role> = [.attentionOfficer, .behaviouralScientist]
        var matrix = Dictionary(uniqueKeysWithValues: EventKind.all.map { ($0.command, care) })
        for name in [
            "close-case", "reopen-case", "register-at-comensha", "decline-registration", "record-registered-elsewhere", "waive-consent",
            "assign-carer", "unassign-carer", "notify-withdrawal", "transfer-case", "link-case",
        ] {
            matrix[name] = officers
        }
        for name in ["erase-personal-data", "request-erasure", "place-legal-hold", "lift-legal-hold"] { matrix[name] = [.privacyOfficer] }
        matrix["override-parental-refusal"] = [.behaviouralScientist]
        matrix["seal-registration"] = []  // the daemon seals an identifiable registration itself, with it
        matrix["acknowledge-registration"] = [.relay]
        return matrix
    }()

    @Test("every command × every role: auditors and admins append nothing, officers close and register, the privacy officer erases")
    func everyCommandAndRole() throws {
        for (name, type) in EventKind.all.map({ ($0.command, $0.type) }) {
            let command = try CaseCommand(name: name, caseID: "c1", body: Self.sampleBody(of: type))
            for role in Role.allCases {
                let allowed = (try? Permissions.check(role, may: command)) != nil
                #expect(allowed == Self.matrix[name]?.contains(role), "\(name) as \(role.rawValue)")
            }
        }
    }

    /// The smallest body each command decodes from, taken from the schemas' required fields.
    /// The least body of the command that records `type`, from its schema in Schemas/protocol/commands.json.
    static func sampleBody(of type: String) throws -> JSONValue {
        let commands = try JSONValue.parse(
            Array(try String(contentsOfFile: SystemdUnitTests.packageRoot + "/Schemas/protocol/commands.json", encoding: .utf8).utf8))
        return sample(commands["$defs"]?[try #require(EventKind.named(type)).command], defs: commands)
    }

    /// A value that fits `schema`: the first of an enum, a day for a day, an empty list, and so on.
    static func sample(_ schema: JSONValue?, defs: JSONValue) -> JSONValue {
        if let reference = schema?["$ref"]?.string, let name = reference.split(separator: "/").last {
            return sample(defs["$defs"]?[String(name)], defs: defs)
        }
        if let first = schema?["enum"]?.array?.first { return first }
        if let constant = schema?["const"] { return constant }
        switch schema?["type"]?.string {
        case "boolean": return false
        case "integer", "number": return 15
        case "array": return []
        case "object":
            var object: [String: JSONValue] = [:]
            for field in schema?["required"]?.array?.compactMap(\.string) ?? [] { object[field] = sample(schema?["properties"]?[field], defs: defs) }
            return .object(object)
        default: return schema?["pattern"]?.string?.contains("-02-29") == true ? "2026-11-02" : "x"  // a day, or any text
        }
    }
}
