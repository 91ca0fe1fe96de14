import Foundation
@testable import SpoorApplication
@testable import SpoorServer
import Testing

@Suite("The daemon's configuration file")
struct ServerConfigurationTests {
    static func load(_ json: String) throws(ServerError) -> ServerConfiguration {
        let path = NSTemporaryDirectory() + "spoord-\(UUID().uuidString).json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))  // a file not made fails the load, naming it
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ServerConfiguration.load(from: path)
    }

    /// The memory for decoded cases is the operator's to size: more long-lived cases busy at once
    /// than 16 MiB holds are each read whole on every command (BENCHMARKS.md).
    @Test func theMemoryForDecodedCasesIsSetOrDefaults() throws {
        #expect(try Self.load(#"{"recentCasesBytes": 67108864}"#).recentCasesBytes == 64 << 20)
        #expect(try Self.load("{}").recentCasesBytes == 16 << 20)
        #expect(try Self.load(#"{"recentCasesBytes": 0}"#).recentCasesBytes == 0)
        #expect(throws: ServerError.self) { try Self.load(#"{"recentCasesBytes": -1}"#) }
        #expect(throws: ServerError.self) { try Self.load(#"{"recentCaseBytes": 1}"#) }  // misspelt: named, not ignored
        let example = SystemdUnitTests.packageRoot + "/systemd/spoord.json.example"
        #expect(try ServerConfiguration.load(from: example).recentCasesBytes == 16 << 20, "the shipped example loads, with the default")
        let none = RecentCases(maxBytes: 0)
        none.remember(try RecentCasesTests.entry("a"), stored: [1])
        #expect(none.count == 0)
    }

    // Issue 28: "No decoding error of Swift reaches a person": every unknown role named at once,
    // with its user, the file, a near miss and the roles there are.
    @Test("unknown roles are named all at once, with their users, the near miss and the roles there are")
    func unknownRolesAreNamed() throws {
        do {
            _ = try Self.load(#"{"users": {"anna": ["profesional"], "bram": ["attention-officer", "auditer"], "carla": ["gardener"]}}"#)
            Issue.record("a configuration with unknown roles loaded")
        } catch {
            let message = error.description
            #expect(message.contains("unknown role 'profesional' for user anna (did you mean professional?)"), "\(message)")
            #expect(message.contains("unknown role 'auditer' for user bram (did you mean auditor?)"))
            #expect(message.contains("unknown role 'gardener' for user carla") && message.contains("the roles are: professional, attention-officer"))
            #expect(!message.contains("Cannot initialize") && !message.contains("DecodingError"))
        }
    }

    // Issue 28: "A configuration … file with several problems lists all of them at once, each with
    // its path (…; did you mean days?)."
    @Test("every problem of a configuration is named at once, each with its key and the near miss")
    func everyProblemAtOnce() throws {
        do {
            _ = try Self.load(
                #"{"dataDirectry": "/tmp/x", "retentionYears": 20, "maxConnections": 0, "users": {"anna": ["profesional"], "bram": []}}"#)
            Issue.record("a configuration with five problems loaded")
        } catch {
            let message = error.description
            for problem in [
                "has 5 problems", "dataDirectry: not a configuration key; did you mean dataDirectory?",
                "retentionYears: not a configuration key: it moved to the protocol file", "users: unknown role 'profesional' for user anna",
                "maxConnections: must be positive",
            ] {
                #expect(message.contains(problem), "\(problem) in \(message)")
            }
        }
    }
}
