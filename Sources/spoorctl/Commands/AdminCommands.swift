import ArgumentParser
import Foundation
import Glibc
import SpoorProtocol

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "The daemon's health: position, store, clients, uptime.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.run(.status, as: StatusReply.self) { s in
            let mib = { (bytes: Int) in String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
            return Output.fields([
                ("version", s.version), ("last position", String(s.lastPosition)), ("projections at", String(s.projectionPosition)),
                ("store", "\(mib(s.storeBytes)) used of a \(mib(s.mapBytes)) map"),
                ("clients", String(s.clients)), ("uptime", "\(Int(s.uptimeSeconds)) s"),
                ("writes", s.writesStopped.map { "STOPPED: \($0)" } ?? "accepted"),
                ("log lines dropped", String(s.droppedLogLines)),
            ])
        }
    }
}

struct EventsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "The raw log, personal content sealed.",
        subcommands: [TailEvents.self])
}

struct TailEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail", abstract: "The last events, or those from a position; --follow for new ones.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The first position to show.") var from: UInt64?
    @Option(help: "How many events (at most 1000).") var limit: Int = 20
    @Flag(help: "Keep showing events as they are committed, until interrupted.") var follow = false

    func run() throws {
        _ = try global.fetch { client in
            _ = try client.call(
                .eventsTail, JSONValue(encoding: TailParams(from: from, limit: limit, follow: follow)), lines: EventRecord.self,
                as: TailEnd.self
            ) { event in
                print(global.json ? Output.line(try JSONValue(encoding: event)) : Render.event(event))
                fflush(nil)
            }
            return nil
        }
    }
}

struct ProjectionsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections", abstract: "The daemon's read models.",
        subcommands: [RebuildProjections.self])
}

struct RebuildProjections: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Refold every projection from the log while the daemon keeps serving.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let terminal = isatty(STDERR_FILENO) == 1
        try global.run({ client in
            try client.call(.projectionsRebuild, lines: RebuildProgress.self, as: RebuildReply.self) { progress in
                if global.json {
                    print(Output.line(try JSONValue(encoding: progress)))
                } else if terminal {
                    let width = 40, filled = Int(Double(width) * min(Double(progress.applied) / Double(max(progress.target, 1)), 1))
                    FileHandle.standardError.write(
                        Data(
                            ("""
                            \r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \
                            \(progress.applied)/\(progress.target)
                            """).utf8))
                } else {
                    print("rebuilt \(progress.applied) of \(progress.target) events")
                }
            }
        }) { result in
            (terminal ? "\n" : "") + "projections rebuilt: \(result.applied) events in \(result.seconds) s"
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "A hot, compacting copy of the store that opens as a store of its own.",
        discussion: "The daemon writes the copy: give a folder it may write, new or empty.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder to write the copy into (with --keep, the folder the copies are kept in).") var path: String
    @Flag(help: "Open the copy as a store and verify its chain, tree, master key and the last witnessed checkpoint.") var verify = false
    @Option(help: "Write each copy into a new spoor-<UTC time> folder in PATH and keep only the newest N.") var keep: Int?

    func run() throws {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        try global.run(.backup, BackupParams(path: absolute, verify: verify ? true : nil, keep: keep), as: BackupReply.self) { r in
            var lines = ["backed up to \(r.path): \(r.bytes) bytes, up to position \(r.lastPosition)"]
            if let verified = r.verified {
                lines.append(
                    "verified: \(verified.eventsVerified) events, tree root \(verified.root)"
                        + (verified.checkpoint.map { ", holds the checkpoint of \($0.treeSize) events" } ?? ", no witnessed checkpoint yet"))
            }
            for removed in r.removed ?? [] { lines.append("removed \(removed)") }
            return lines.joined(separator: "\n")
        }
    }
}
