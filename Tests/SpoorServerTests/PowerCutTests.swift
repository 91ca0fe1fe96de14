import Foundation
import Testing

/// Power cuts, not only SIGKILL: Tests/PowerCut/powercut.c records what the daemon wrote to its
/// store and when it was durable, and replay.py builds the file as a power cut at the kill would
/// leave it. `make reliability` runs 200 crash points under 32 clients; `make test` runs 3 under 16.
@Suite("Power cuts under load", .enabled(if: PowerCut.compiler != nil, "needs a C compiler (cc or clang) to build the shim"))
struct PowerCutTests {
    @Test func noAcknowledgedEventIsLostAndEveryStoreIsIntact() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("powercut-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shim = folder + "/powercut.so"
        let source = SystemdUnitTests.packageRoot + "/Tests/PowerCut/powercut.c"
        let built = try SystemdUnitTests.run([PowerCut.compiler!, "-shared", "-fPIC", "-O2", "-o", shim, source, "-ldl"])
        try #require(built.status == 0, "\(built.output)")
        // The short run of `make test` uses 16 clients, to leave the rest of the suite its disk.
        let environment = ProcessInfo.processInfo.environment
        let points = environment["SPOOR_POWERCUT_POINTS"] ?? "3", clients = environment["SPOOR_POWERCUT_CLIENTS"] ?? "16"
        let run = try SystemdUnitTests.run([
            "python3", SystemdUnitTests.packageRoot + "/Tests/PowerCut/harness.py",
            DaemonProcess.products.appendingPathComponent("spoord").path, shim, points, clients,
        ])
        print(run.output)
        #expect(run.status == 0, "\(run.output)")
    }
}

enum PowerCut {
    static let compiler: String? = ["/usr/bin/cc", "/usr/bin/clang", "/opt/swift/usr/bin/clang"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
