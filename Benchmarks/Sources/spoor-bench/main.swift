import Foundation

// spoor-bench [socket | codec | sealing] [--runs N] [--seconds S] [--events N] [--dir PATH] [--spoord PATH] [--fill PATH]
//             [--clients 1,8,64] [--parts throughput,existing,status,latency,memory] [--daemon-cpu N]
// Ledger: durable appends/s at 1, 8 and 64 concurrent appenders, and replay of a large log.
// socket: acknowledged appends/s through spoord with 1, 8 and 64 clients, latency at a fixed
// load, and the daemon's memory with a large store. codec: the JSON each command pays for.
// sealing: the AES-GCM a rebuild pays per case.
// Medians of N runs.

var arguments = [String: String]()
var pending = CommandLine.arguments.dropFirst()[...]
let socketMode = pending.first == "socket"
let codecMode = pending.first == "codec"
let sealingMode = pending.first == "sealing"
if socketMode || codecMode || sealingMode { pending = pending.dropFirst() }
while let flag = pending.popFirst(), flag.hasPrefix("--"), let value = pending.popFirst() {
    arguments[String(flag.dropFirst(2))] = value
}
let runs = Int(arguments["runs"] ?? "") ?? 5
let seconds = Double(arguments["seconds"] ?? "") ?? 2
let replayEvents = Int(arguments["events"] ?? "") ?? 1_000_000
let payloadSize = 600
let root = (arguments["dir"] ?? FileManager.default.currentDirectoryPath + "/.build-bench") + "/run-\(getpid())"
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

if arguments["fill"] != nil {
    // spoor-bench --fill PATH [--events N]: a store for profiling by hand, as the socket benchmark fills it.
    let path = arguments["fill"] ?? root + "/fill"
    try await SocketBenchmark.fill(folder: path, events: replayEvents)
    print("filled \(path) with \(replayEvents) events")
    exit(0)
}

if codecMode {
    try CodecBenchmark.run(runs: runs)
    exit(0)
}

if sealingMode {
    try SealingBenchmark.run(runs: runs)
    exit(0)
}

if socketMode {
    try await SocketBenchmark.run(
        spoord: arguments["spoord"] ?? "../.build/release/spoord", root: root, runs: runs,
        seconds: seconds, events: replayEvents,
        clients: (arguments["clients"] ?? "1,8,64").split(separator: ",").compactMap { Int($0) },
        parts: Set((arguments["parts"] ?? "throughput,existing,status,latency,memory").split(separator: ",").map(String.init)),
        daemonCPU: arguments["daemon-cpu"].flatMap { Int($0) })
    exit(0)
}

print("spoor-bench: \(runs) runs each, \(payloadSize)-byte payloads, data in \(root)")
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")

for appenders in [1, 8, 64] {
    var rate = Measurement(name: "durable appends, \(appenders) appenders", unit: "appends/s")
    var batch = Measurement(name: "  events per durable commit", unit: "")
    for run in 0..<runs {
        let folder = "\(root)/appends-\(appenders)-\(run)"
        let result = try await measureAppends(appenders: appenders, seconds: seconds, payloadSize: payloadSize, in: folder)
        rate.samples.append(result.rate)
        batch.samples.append(result.eventsPerCommit)
        try FileManager.default.removeItem(atPath: folder)
    }
    print(rate.line)
    print(batch.line)
}

let replayFolder = "\(root)/replay"
let fillStart = now()
try await fillLedger(at: replayFolder, count: replayEvents, payloadSize: payloadSize)
print(String(format: "filled %d events in %.1f s", replayEvents, now() - fillStart))
var replay = Measurement(name: "replay of \(replayEvents) events", unit: "events/s")
var verification = Measurement(name: "verification of \(replayEvents) events", unit: "events/s")
for _ in 0..<runs {
    let result = try measureReplay(at: replayFolder)
    precondition(result.events == replayEvents)
    replay.samples.append(result.rate)
}
print(replay.line)
for _ in 0..<max(1, runs / 2) { verification.samples.append(try measureVerification(at: replayFolder)) }
print(verification.line)
var inclusion = Measurement(name: "inclusion proof + verify, \(replayEvents) events", unit: "µs")
var consistency = Measurement(name: "consistency proof + verify, \(replayEvents) events", unit: "µs")
for _ in 0..<runs {
    let result = try measureProofs(at: replayFolder)
    inclusion.samples.append(result.inclusion)
    consistency.samples.append(result.consistency)
}
print(inclusion.line)
print(consistency.line)
let reads = try await measureStreamReads(at: replayFolder)
print(
    String(
        format: "stream read past a 255-event tail: last 5 events of an indexed stream %.1f µs, last 10 of a stream in the tail %.1f µs",
        reads.indexed, reads.tail))
