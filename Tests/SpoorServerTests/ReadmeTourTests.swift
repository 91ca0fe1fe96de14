import Foundation
import Testing

/// The README's tour of one case, run as written against a development daemon, as a reader in a
/// second terminal would: every line must succeed. Two lines are adapted, and only these: the
/// alias names the built spoorctl (`swift build --show-bin-path` would build again), and the last
/// `events tail --follow`, which follows until interrupted, is killed after two seconds (a test
/// process may hand its children a mask that blocks SIGINT and SIGTERM).
@Suite("The README's tour")
struct ReadmeTourTests {
    static func tour() throws -> [String] {
        let readme = try String(contentsOfFile: SystemdUnitTests.packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## A tour of one case").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("every command of the tour succeeds, in order, on a fresh development store")
    func tourRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tour-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let daemon = try DaemonProcess(arguments: ["--development", folder + "/.spoor"], socketPath: folder + "/.spoor/spoor.sock")
        defer { daemon.stop() }
        var lines = try Self.tour()
        let alias = try #require(lines.firstIndex { $0.hasPrefix("alias spoorctl=") })
        lines[alias] = "spoorctl() { \"\(DaemonProcess.products.path)/spoorctl\" \"$@\"; }"
        let follow = try #require(lines.firstIndex { $0.hasPrefix("spoorctl events tail --follow") })
        lines[follow] =
            "timeout -s KILL 2 \"\(DaemonProcess.products.path)/spoorctl\" events tail --follow >/dev/null || { s=$?; [ $s = 124 ] || [ $s = 137 ]; }"
        #expect(lines.contains { $0.hasPrefix("spoorctl register comensha") }, "the tour registers the youth")
        let script = folder + "/tour.sh"
        try (["set -euo pipefail", "USER=$(id -un)"] + lines).joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let result = try SystemdUnitTests.run(["bash", script], in: folder)
        #expect(result.status == 0, "\(result.output.suffix(3_000))")
        #expect(FileManager.default.fileExists(atPath: folder + "/brief.md") && FileManager.default.fileExists(atPath: folder + "/registration.json"))
    }
}
