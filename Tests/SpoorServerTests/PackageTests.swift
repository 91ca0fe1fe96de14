import Foundation
import Glibc
import Testing

/// The Debian package as an admin meets it: built by `make deb` (here a debug build, in a build
/// folder of its own, to keep `make test` short; `make deb` itself builds for release), clean by lintian,
/// installed with dpkg on this machine, its units verified, then removed and purged: the ledger
/// and its keys stay through both. Runs as root only (CI runs as root on a fresh machine).
@Suite("The Debian package", .serialized, .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg")))
struct PackageTests {
    static func sh(_ command: String) throws -> (status: Int32, output: String) {
        try SystemdUnitTests.run(["sh", "-c", command])
    }

    @Test("make deb builds a package lintian passes; it installs, its units verify, and remove and purge keep the ledger and its keys")
    func installVerifyRemovePurge() throws {
        // `make test` builds it before the tests start, so that the build does not compete with them;
        // run alone, the test builds it.
        func package() throws -> String? {
            try FileManager.default.contentsOfDirectory(atPath: SystemdUnitTests.packageRoot).first {
                $0.hasPrefix("spoor_") && $0.hasSuffix("_amd64.deb")
            }
        }
        if try package() == nil {
            let built = try Self.sh("make -s deb CONFIG=debug SCRATCH=.build-deb-test 2>&1")
            try #require(built.status == 0, "\(built.output)")
        }
        let deb = try #require(try package())
        defer { try? FileManager.default.removeItem(atPath: SystemdUnitTests.packageRoot + "/" + deb) }
        let contents = try Self.sh("dpkg-deb --contents \(deb)").output
        for path in [
            "./usr/bin/spoord", "./usr/bin/spoorctl", "./usr/lib/systemd/system/spoord.socket", "./usr/lib/systemd/system/spoor-backup.timer",
            "./usr/lib/sysusers.d/spoor.conf", "./usr/lib/tmpfiles.d/spoor.conf", "./usr/share/man/man1/spoorctl.1.gz",
            "./usr/share/man/man8/spoord.8.gz", "./usr/share/man/man5/spoord.json.5.gz",
            "./usr/share/bash-completion/completions/spoorctl", "./usr/share/doc/spoor/spoord.json.example", "./usr/share/doc/spoor/copyright",
        ] {
            #expect(contents.contains(path), "the package lacks \(path)")
        }

        let installed = try Self.sh("dpkg -i \(deb) 2>&1")
        #expect(installed.status == 0, "\(installed.output)")
        defer { _ = try? Self.sh("dpkg -P spoor >/dev/null 2>&1; rm -rf /var/lib/spoor/package-test /etc/spoor/credentials/package-test") }
        #expect(try Self.sh("getent passwd spoor && getent group spoor-admin && getent passwd spoor-monitor").status == 0)
        #expect(try Self.sh("test -d /etc/spoor/credentials && test -d /var/backups/spoor").status == 0)
        #expect(try Self.sh("/usr/bin/spoorctl --version").output.contains("0."))
        let units = [
            "spoord.service", "spoord.socket", "spoor-metrics.service", "spoor-metrics.timer", "spoor-backup.service",
            "spoor-backup.timer", "spoor-checkpoint.service", "spoor-checkpoint.timer",
        ].map { "/usr/lib/systemd/system/" + $0 }
        let verified = try SystemdUnitTests.run(["systemd-analyze", "verify", "--man=no"] + units)
        #expect(verified.status == 0 && verified.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(verified.output)")

        // What the institution keeps: a ledger, its keys, its configuration.
        #expect(
            try Self.sh(
                """
                mkdir -p /var/lib/spoor && echo ledger > /var/lib/spoor/package-test && echo key > /etc/spoor/credentials/package-test && echo \
                '{}' > /etc/spoor/spoord.json
                """
            ).status == 0)
        #expect(try Self.sh("dpkg -r spoor 2>&1").status == 0)
        #expect(try Self.sh("test ! -e /usr/bin/spoord && test -f /var/lib/spoor/package-test && test -f /etc/spoor/spoord.json").status == 0)
        let purged = try Self.sh("dpkg -P spoor 2>&1")
        #expect(purged.status == 0, "\(purged.output)")
        #expect(try Self.sh("test ! -e /etc/spoor/spoord.json").status == 0, "purge keeps the configuration")
        #expect(
            try Self.sh("test -f /var/lib/spoor/package-test && test -f /etc/spoor/credentials/package-test").status == 0,
            "purge removed the ledger or its keys")
    }
}
