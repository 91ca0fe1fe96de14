import Foundation
import SpoorProtocol
import Testing

/// Every store format this project ever wrote, kept in `Tests/Fixtures/upgrade/<version>/` by
/// `make-fixture.sh`: this version must open each, rebuild its projection and verify it.
@Suite("Stores written by earlier versions open, rebuild and verify")
struct UpgradeTests {
    static let fixtures = SystemdUnitTests.packageRoot + "/Tests/Fixtures/upgrade"
    static let versions = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? [])
        .filter { FileManager.default.fileExists(atPath: "\(fixtures)/\($0)/data.mdb") }.sorted()

    @Test("there is a fixture of at least one version")
    func fixturesExist() { #expect(!Self.versions.isEmpty) }

    @Test("the store opens, rebuilds without a loss, verifies, and shows its cases", arguments: versions)
    func opensRebuildsAndVerifies(version: String) throws {
        let source = "\(Self.fixtures)/\(version)"
        let expected = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: source + "/expected.json")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spoor-upgrade-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        for file in ["dev-master-key", "dev-signing-key"] {
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: "\(folder)/\(file)")
            chmod("\(folder)/\(file)", 0o600)
        }
        try FileManager.default.copyItem(atPath: source + "/data.mdb", toPath: folder + "/data/data.mdb")
        let daemon = try DaemonProcess(arguments: ["--development", folder], socketPath: folder + "/spoor.sock")
        defer { daemon.stop(); try? FileManager.default.removeItem(atPath: folder) }
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let status = try #require(try ctl("status", "--json").json)
        // A daemon without a protocol file adopts the built-in protocol when it changed: one event more.
        #expect(
            status["lastPosition"] == expected["lastPosition"]
                || status["lastPosition"] == expected["lastPosition"].flatMap(\.number).map { .number($0 + 1) })
        #expect(status["undecodableEvents"] == .number(0))
        let rebuilt = try ctl("projections", "rebuild")
        #expect(rebuilt.status == 0, "\(rebuilt.error)")
        #expect(try ctl("status", "--json").json?["undecodableEvents"] == .number(0))
        let verified = try ctl("audit", "verify", "--json")
        #expect(verified.json?["intact"] == .bool(true), "\(verified.output)\(verified.error)")
        for id in expected["cases"]?.array?.compactMap(\.string) ?? [] {
            let shown = try ctl("case", "show", "--case", id, "--json")
            #expect(shown.json?["case"] == .string(id), "\(id): \(shown.error)")
        }
        for id in expected["erased"]?.array?.compactMap(\.string) ?? [] {
            #expect(try ctl("case", "show", "--case", id, "--json").json?["erased"] == .bool(true))
        }
        #expect(try ctl("worklist").status == 0)
    }
}
