import Foundation
import Glibc
import SpoorProof
import SpoorProtocol
import Testing

/// Issue 29, part 4: "Who acted, through which system." The client record system sends commands
/// as its own OS user, in the role `delegate`; `onBehalfOf` names the carer it vouches for. The
/// actor stays the OS user from peer credentials; both are bound by the hash and shown in traces
/// and proofs; every refusal names which of the two lacked what.
@Suite(
    "A delegate acts for a carer: the actor from the OS, the carer it vouches for beside it", .serialized,
    .enabled(if: getuid() == 0, "needs root to create the integration's OS user and run the client as it"))
struct DelegationTests {
    static let integration = "spoor-test-crm"

    static func makeUser(_ name: String) -> Bool {
        if getpwnam(name) != nil { return true }
        return (try? SystemdUnitTests.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name]).status) == 0
    }

    /// The example client and the schemas, where the integration's user can read them: the checkout may be private.
    static func sharedClient() throws -> String {
        let folder = (Spoorctl.sharedCopy as NSString).deletingLastPathComponent.appendingPathComponent("integration")
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try FileManager.default.copyItem(
            atPath: SystemdUnitTests.packageRoot + "/Examples/integration/spoor_client.py", toPath: folder + "/spoor_client.py")
        try FileManager.default.copyItem(atPath: SystemdUnitTests.packageRoot + "/Schemas", toPath: folder + "/Schemas")
        _ = try SystemdUnitTests.run(["chmod", "-R", "a+rX", folder])
        return folder
    }

    @Test("the integration records for anna through the Python client; refusals name who lacked what; traces and proofs show both")
    func delegateThroughTheRealDaemon() throws {
        #expect(Self.makeUser(Self.integration))
        let folder = try OperationsTests.folder("spoor-delegation")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, 0o755)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try Data(repeating: 9, count: 32).write(to: URL(fileURLWithPath: folder + "/signing-key"))
        try """
        {"dataDirectory": "\(folder)/data", "socketPath": "\(folder)/s.sock", "masterKeyPath": "\(folder)/master-key",
         "signingKeyPath": "\(folder)/signing-key", "domain": "jeugdzorg-test.nl",
         "users": {"root": ["attention-officer", "auditor"], "\(Self.integration)": ["delegate"], "anna": ["professional"],
                   "bert": ["auditor"], "carl": ["professional"]},
         "units": {"root": ["*"], "anna": ["north"], "carl": ["south"]}}
        """.write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        chmod(daemon.socketPath, 0o666)  // the integration reaches the socket; the daemon, not the file mode, judges it
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        #expect(
            try ctl("case", "open", "--case", "c1", "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15").status
                == 0)

        let shared = try Self.sharedClient()
        let body =
            #"{"observedOn": "2026-11-30", "source": "own-observation", "formsOfExploitation": ["sexual"], "indicators": [], "nature": "concrete"}"#
        func client(_ onBehalfOf: String?, as user: String = Self.integration) throws -> (status: Int32, output: String) {
            // The integration's own Python needs nothing but the standard library; root's checks each line against the schemas too.
            let schemas = user == "root" ? ["--schemas", shared + "/Schemas"] : []
            return try SystemdUnitTests.run(
                ["runuser", "-u", user, "--", "python3", shared + "/spoor_client.py", "--socket", daemon.socketPath]
                    + schemas + (onBehalfOf.map { ["--on-behalf-of", $0] } ?? []) + ["record-signal", "c1", body])
        }
        let recorded = try client("anna")
        #expect(recorded.status == 0, "\(recorded.output)")
        let position = try #require(try JSONValue.parse(Array(recorded.output.utf8))["position"]?.number.map(UInt64.init), "\(recorded.output)")

        // Refusals (77), each naming which of the two lacked what.
        let refusals: [(String?, String, String)] = [
            ("bert", Self.integration, "bert holds the role auditor, and acts in person"),
            ("zoe", Self.integration, "zoe is not a user of the configuration"),
            ("carl", Self.integration, "carl has no care relationship with case c1"),
            (nil, Self.integration, "none of \(Self.integration)'s roles may record a signal"),
            ("anna", "root", "root may not act on behalf of anna: it does not hold the role delegate"),
        ]
        for (person, user, reason) in refusals {
            let refused = try client(person, as: user)
            #expect(refused.status == 77 && refused.output.contains(reason), "\(person ?? "-") as \(user): \(refused.output)")
        }

        // The event: the actor is the integration's OS user, anna beside it, both under the hash.
        let key = try #require(try ctl("audit", "checkpoint", "--out", folder + "/checkpoint", "--json").json?["verifierKey"]?.string)
        let proof = try ctl(
            "audit", "prove", "--position", String(position), "--checkpoint", folder + "/checkpoint", "--key", key,
            "--out", folder + "/proof.json", "--json")
        #expect(proof.status == 0, "\(proof.error)")
        #expect(
            proof.json?["event"]?["actor"]?["name"]?.string == Self.integration && proof.json?["event"]?["onBehalfOf"] == "anna"
                && proof.json?["event"]?["role"] == "professional", "\(proof.output)")
        let verified = try ctl("audit", "verify-proof", "--proof", folder + "/proof.json", "--checkpoint", folder + "/checkpoint", "--key", key)
        #expect(
            verified.output.contains("by \(Self.integration) (uid \(getpwnam(Self.integration)!.pointee.pw_uid)) on behalf of anna as professional"),
            "\(verified.output)")
        // A proof whose onBehalfOf was changed no longer verifies: the hash binds it.
        let forged = try String(contentsOfFile: folder + "/proof.json", encoding: .utf8).replacingOccurrences(of: "\"anna\"", with: "\"carl\"")
        try forged.write(toFile: folder + "/forged.json", atomically: true, encoding: .utf8)
        #expect(
            try ctl("audit", "verify-proof", "--proof", folder + "/forged.json", "--checkpoint", folder + "/checkpoint", "--key", key).status == 65)
        let trace = try ctl("audit", "trace", "--case", "c1", "--signal", "signal-1")
        #expect(trace.output.contains("\(Self.integration) for anna"), "\(trace.output)")
    }
}
