import ArgumentParser
import Foundation
import SpoorDomain
import SpoorProtocol

struct ProtocolGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol", abstract: "The institution's protocol: who does what by when, and the decision tree.",
        discussion: "The daemon reads it from the configuration's protocolPath at start and on SIGHUP, or on `protocol reload`.",
        subcommands: [ShowProtocol.self, CheckProtocol.self, DiffProtocol.self, GraphProtocol.self, ReloadProtocol.self])
}

/// The protocol in force at the daemon, or an adopted version, or a file.
struct ProtocolSource: ParsableArguments {
    @Option(help: "An adopted version, rather than the one in force.") var version: Int?
    @Option(help: "A protocol file, read here instead of asking the daemon.") var file: String?

    func load(_ global: GlobalOptions) throws -> InstitutionProtocol {
        if let file { return try CheckProtocol.read(file) }
        return try Self.fetch(version: version, global)
    }

    /// The protocol the daemon has in force, or its adopted `version`.
    static func fetch(version: Int?, _ global: GlobalOptions) throws -> InstitutionProtocol {
        var rules: InstitutionProtocol?
        _ = try global.fetch { client in
            let reply = try client.call(.protocolShow, JSONValue(encoding: ProtocolShowParams(version: version)), as: ProtocolShowReply.self)
            guard let decoded = try? InstitutionProtocol(json: reply.protocol) else {
                throw ClientError.protocolViolation("the daemon's protocol does not read here: is spoorctl older than spoord?")
            }
            rules = decoded
            return nil
        }
        return rules!
    }
}

struct ShowProtocol: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The protocol as readable text, with the versions adopted.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var source: ProtocolSource

    func run() throws {
        if source.file != nil { return print(try source.load(global).text) }
        try global.run(.protocolShow, ProtocolShowParams(version: source.version), as: ProtocolShowReply.self) { reply in
            guard let rules = try? InstitutionProtocol(json: reply.protocol) else { return Output.json(reply.protocol) }
            let adopted = reply.adopted.map { "  version \($0.version): \($0.name) \($0.digest)" }
            return rules.text + "\n\ndigest: \(reply.digest)\(reply.inForce ? " (in force)" : "")\nadopted here:\n"
                + adopted.joined(separator: "\n")
        }
    }
}

struct CheckProtocol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a protocol file without adopting it; every problem is named.")
    @Argument(help: "The protocol file.") var file: String

    static func read(_ path: String) throws -> InstitutionProtocol {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("spoorctl: cannot read \(path)\n".utf8))
            throw ExitCode(66)
        }
        do { return try InstitutionProtocol(json: data) } catch {
            FileHandle.standardError.write(Data("spoorctl: \(path) is not a valid protocol:\n\(error.description)\n".utf8))
            throw ExitCode(65)
        }
    }

    func run() throws {
        let rules = try Self.read(file)
        print("\(file): protocol version \(rules.version), \"\(rules.name)\", is valid")
    }
}

struct DiffProtocol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What adopting a protocol file would change from the protocol in force.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The protocol file.") var file: String

    func run() throws {
        let proposed = try CheckProtocol.read(file)
        let current = try ProtocolSource.fetch(version: nil, global)
        let changes = try current.differences(to: proposed)
        print(
            changes.isEmpty
                ? "no changes from version \(current.version)"
                : "from version \(current.version) to \(proposed.version):\n" + changes.map { "  " + $0 }.joined(separator: "\n"))
    }
}

struct GraphProtocol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "The decision tree as Graphviz dot; --svg renders it with dot when installed (apt-get install graphviz).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var source: ProtocolSource
    @Option(help: "Write an SVG to this file, rendered with Graphviz's dot.") var svg: String?
    @OptionGroup var page: LanguageOption

    func run() throws {
        let dot = try source.load(global).dot(language: page.language)
        guard let svg else { return print(dot, terminator: "") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg", "-o", svg]
        let input = Pipe()
        process.standardInput = input
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("spoorctl: cannot run dot (install Graphviz: apt-get install graphviz): \(error)\n".utf8))
            throw ExitCode(69)
        }
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            FileHandle.standardError.write(
                Data("spoorctl: dot failed (exit \(process.terminationStatus)); is Graphviz installed? apt-get install graphviz\n".utf8))
            throw ExitCode(70)
        }
        print("wrote \(svg)")
    }
}

struct ReloadProtocol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Have the daemon reread its protocol file and adopt it, in your name (admin).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.run(.protocolReload, as: ReloadReply.self) { reply in
            reply.adopted
                ? "adopted protocol version \(reply.version) (\(reply.digest))"
                : "protocol version \(reply.version) is in force already; nothing changed"
        }
    }
}
