import Foundation
import SpoorProtocol

/// A release `spoord` in development mode on a folder of the benchmark's.
final class DaemonUnderTest {
    let process = Process()
    let socketPath: String

    /// Starts `executable` on `folder`, confined to CPU `cpu` when given (with taskset).
    init(executable: String, folder: String, cpu: Int? = nil) throws {
        socketPath = folder + "/spoor.sock"
        let arguments = ["--development", folder, "--log-level", "warning"]
        if let cpu {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            process.arguments = ["-c", String(cpu), executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<6_000 {  // folding a large store takes a while
            if (try? SocketClient(socketPath: socketPath).call(.status)) != nil { return }
            usleep(10_000)
        }
        throw ClientError.unreachable("spoord did not come up on \(socketPath)")
    }

    /// The daemon's anonymous resident memory (`RssAnon`: heap and stacks, the LMDB map excluded), in bytes.
    var anonymousMemory: Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") }
        return (line?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1_024
    }

    /// The CPU time the daemon has used so far, user and system, in seconds.
    var cpuSeconds: Double {
        let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// Runs `body(index)` on `count` threads at once (clients block on their sockets) and returns the results.
func onThreads<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let results = NSLock()
    nonisolated(unsafe) var collected: [T] = []
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            let result = body(index)
            results.lock()
            collected.append(result)
            results.unlock()
            group.leave()
        }
    }
    group.wait()
    return collected
}
