import Foundation
@testable import SpoorApplication
import SpoorServer
import Testing

/// Issue 28: "The man pages are checked in …, and they read like a manual: spoord(8) with FILES,
/// ENVIRONMENT, every configuration key, EXIT STATUS with 78 and 65, SIGNALS, SEE ALSO; spoorctl(1)
/// with a synopsis per command group …; spoord.json(5) and spoor-protocol.json(5). Each renders
/// without warnings under `mandoc -T lint` and `groff -man -ww -z`, which a test checks."
@Suite("The manual pages", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/mandoc"), "needs mandoc (make test-deps)"))
struct ManPageTests {
    static let pages = ["spoord.8", "spoorctl.1", "spoord.json.5", "spoor-protocol.json.5"]
    static func page(_ name: String) throws -> String { try String(contentsOfFile: SystemdUnitTests.packageRoot + "/man/" + name, encoding: .utf8) }

    @Test("each page renders without a warning or a style note under mandoc and groff", arguments: pages)
    func lint(page: String) throws {
        let path = SystemdUnitTests.packageRoot + "/man/" + page
        let mandoc = try SystemdUnitTests.run(["mandoc", "-T", "lint", "-W", "style", path])
        #expect(mandoc.status == 0 && mandoc.output.isEmpty, "\(mandoc.output)")
        let groff = try SystemdUnitTests.run(["groff", "-man", "-ww", "-z", path])
        #expect(groff.status == 0 && groff.output.isEmpty, "\(groff.output)")
    }

    @Test("spoord(8) and spoord.json(5) name every configuration key; spoord(8) has its sections; spoorctl(1) every command group")
    func complete() throws {
        let keys = Mirror(reflecting: ServerConfiguration()).children.compactMap(\.label)
        for name in ["spoord.8", "spoord.json.5"] {
            let text = try Self.page(name)
            for key in keys { #expect(text.contains(".B \(key)") || text.contains(".BR \(key)"), "\(name) does not name \(key)") }
        }
        let daemon = try Self.page("spoord.8")
        for section in ["FILES", "ENVIRONMENT", "EXIT STATUS", "SIGNALS", "SEE ALSO", "CREDENTIALS_DIRECTORY", ".B 78", ".B 65"] {
            #expect(daemon.contains(section), "spoord(8) lacks \(section)")
        }
        let ctl = try Self.page("spoorctl.1")
        let help = try SystemdUnitTests.run([DaemonProcess.products.appendingPathComponent("spoorctl").path, "--help"]).output
        let groups =
            help.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first, word.first?.isLowercase == true
                else { return nil }
                return String(word)
            } ?? []
        #expect(groups.count > 10)
        for group in groups {
            #expect(
                ctl.contains("spoorctl \(group)") || ctl.contains("spoorctl\" \(group)") || ctl.contains(" \(group) |") || ctl.contains("| \(group)"),
                "spoorctl(1) lacks \(group)")
        }
        for section in ["EXIT STATUS", "FILES", "EXAMPLES", "SEE ALSO", ".B 73"] { #expect(ctl.contains(section), "spoorctl(1) lacks \(section)") }
    }
}
