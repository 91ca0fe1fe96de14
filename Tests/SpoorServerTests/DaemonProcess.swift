import Foundation
import Glibc
import SpoorProtocol

/// A real `spoord` on a temporary socket, for integration tests: started in development mode
/// (or with a given configuration) and stopped with SIGTERM.
final class DaemonProcess: @unchecked Sendable {
    /// The folder of the built products, where the test bundle itself lives.
    static let products: URL = URL(fileURLWithPath: try! FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        .deletingLastPathComponent()

    let folder: String
    let socketPath: String
    let process = Process()
    let logPath: String

    /// Starts `spoord` with `arguments` (development mode in a new folder by default) and waits
    /// until its socket answers.
    init(
        arguments: [String]? = nil, environment: [String: String] = [:], executable: String? = nil, socketPath: String? = nil,
        logPath: String? = nil, waitForSocket: Bool = true
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("spoord-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.socketPath = socketPath ?? folder + "/spoor.sock"
        self.logPath = logPath ?? folder + ".log"
        _ = FileManager.default.createFile(atPath: self.logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable ?? Self.products.appendingPathComponent("spoord").path)
        process.arguments = arguments ?? ["--development", folder]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NOTIFY_") && !$0.key.hasPrefix("LISTEN_") }
            .merging(environment) { $1 }
        let log = FileHandle(forWritingAtPath: self.logPath)!
        process.standardError = log
        process.standardOutput = log
        try process.run()
        if waitForSocket { try waitUntilServing() }
    }

    func waitUntilServing(timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? SocketClient(socketPath: socketPath).call(.status)) != nil { return }
            guard process.isRunning else { throw DaemonError.exited(process.terminationStatus, log) }
            usleep(20_000)
        }
        throw DaemonError.notServing(log)
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func client() throws -> SocketClient { try SocketClient(socketPath: socketPath) }

    /// Waits up to `timeout` seconds for a daemon that should exit by itself; kills it if it does not.
    func exitStatus(within timeout: Double = 20) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return stop(signal: SIGKILL)
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: logPath)
    }

    enum DaemonError: Error {
        case exited(Int32, String)
        case notServing(String)
    }
}

/// Runs `spoorctl` against a daemon and captures what it says.
struct Spoorctl {
    struct Result {
        var status: Int32
        var output: String
        var error: String

        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(output.utf8)) }
    }

    let socketPath: String

    func callAsFunction(_ arguments: String...) throws -> Result { try run(arguments) }

    /// A copy of `spoorctl` that any user can run: the checkout may sit in a folder other users
    /// cannot enter, such as root's home (mode 0700).
    static let sharedCopy: String = {
        let folder = "/tmp/spoor-tests-\(getpid())"
        let copy = folder + "/spoorctl"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try? FileManager.default.removeItem(atPath: copy)
        try? FileManager.default.copyItem(atPath: DaemonProcess.products.appendingPathComponent("spoorctl").path, toPath: copy)
        chmod(folder, 0o755)
        chmod(copy, 0o755)
        return copy
    }()

    func run(_ arguments: [String], asUser user: String? = nil) throws -> Result {
        let process = Process()
        let spoorctl = DaemonProcess.products.appendingPathComponent("spoorctl").path
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", Self.sharedCopy] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: spoorctl)
            process.arguments = arguments
        }
        process.environment = ["SPOOR_SOCKET": socketPath, "PATH": "/usr/bin:/bin"]
        // Files, not pipes: a pipe's write end leaks into any process another test starts
        // meanwhile, and reading it to the end would then wait for that process.
        let output = try Capture(), error = try Capture()
        process.standardOutput = output.handle
        process.standardError = error.handle
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output.text, error: error.text)
    }
}

/// A temporary file that takes a child's output.
struct Capture {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("spoorctl-\(UUID().uuidString)").path
    let handle: FileHandle

    init() throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    var text: String {
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
