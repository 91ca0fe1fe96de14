import Foundation
import Testing

@Suite("The systemd units as installed", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
struct SystemdUnitTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs a command, returning its exit status and everything it printed.
    static func run(_ arguments: [String], in folder: String = packageRoot) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let log = try Capture()
        process.standardOutput = log.handle
        process.standardError = log.handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, log.text)
    }

    /// `make install-units` into a temporary DESTDIR, with ExecStart pointing at the built daemon.
    static func installUnits() throws -> String {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("units-\(UUID().uuidString.prefix(8))").path
        for target in ["install-units", "install-national-units"] {
            let install = try run(["make", "-s", target, "DESTDIR=\(destination)", "PREFIX=/usr", "BINDIR=\(DaemonProcess.products.path)"])
            #expect(install.status == 0, "\(install.output)")
        }
        return destination + "/usr/lib/systemd/system"
    }

    /// Every unit `make install-units` and `make install-national-units` install: the daemon's, the timer jobs', the relay's and the hub's.
    static let units = [
        "spoord.service", "spoord.socket", "spoor-metrics.service", "spoor-metrics.timer", "spoor-checkpoint.service",
        "spoor-checkpoint.timer", "spoor-backup.service", "spoor-backup.timer", "spoor-accept-restore.service", "spoor-relay.service",
        "spoor-hub.service",
        "spoor-comensha.service",
    ]
    static let services = units.filter { $0.hasSuffix(".service") }

    @Test("make install-units installs every unit, and systemd-analyze verify finds nothing to say about any")
    func verify() throws {
        let units = try Self.installUnits()
        defer { try? FileManager.default.removeItem(atPath: units) }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: units)) == Set(Self.units))
        // It exits 0 on many warnings, so any output at all is a failure.
        let result = try Self.run(["systemd-analyze", "verify", "--man=no"] + Self.units.map { units + "/" + $0 })
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result.output)")
    }

    @Test("systemd-analyze security rates every service 2.0 or lower", arguments: services)
    func exposure(service: String) throws {
        let units = try Self.installUnits()
        defer { try? FileManager.default.removeItem(atPath: units) }
        let result = try Self.run(["systemd-analyze", "security", "--offline=yes", units + "/" + service])
        let line = result.output.split(separator: "\n").first { $0.contains("Overall exposure level") }
        let level = line.flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        #expect(level != nil && level! <= 2.0, "\(service): \(line ?? "no rating in: \(result.output)")")
    }
}
