import ArgumentParser
import Foundation
import SpoorProtocol

/// The options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The daemon's socket.", valueName: "path"))
    var socket: String = ProcessInfo.processInfo.environment["SPOOR_SOCKET"] ?? WireProtocol.defaultSocketPath

    @Flag(help: "Print the daemon's reply as JSON instead of a readable summary, and an error as JSON on stderr.")
    var json = false

    /// `arguments` with the global options that come before the command moved to the end.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--json" || first.hasPrefix("--socket=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else if first == "--socket", rest.count > 1 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        return Array(rest) + leading
    }

    /// Connects, calls `method` for a typed reply, prints it (as JSON, or rendered), and turns
    /// failures into message and exit code.
    func run<Reply: Codable>(
        _ method: SpoorProtocol.Method, _ params: some Encodable = JSONValue.object([:]), as _: Reply.Type,
        render: (Reply) -> String
    ) throws {
        try run({ client in try client.call(method, JSONValue(encoding: params), as: Reply.self) }, render: render)
    }

    /// Connects, runs `body` for a typed reply, prints it (as JSON, or rendered), and turns failures
    /// into message and exit code.
    func run<Reply: Codable>(_ body: (SocketClient) throws -> Reply, render: (Reply) -> String) throws {
        var reply: Reply?
        _ = try fetch { client in
            reply = try body(client)
            return nil
        }
        guard let reply else { return }
        print(json ? Output.json(try JSONValue(encoding: reply)) : render(reply))
    }

    /// Connects, runs `body`, prints what it returns, and turns failures into message and exit code.
    func run(_ body: (SocketClient) throws -> JSONValue?, render: (JSONValue) -> String) throws {
        guard let result = try fetch(body) else { return }
        print(json ? Output.json(result) : render(result))
    }

    /// Connects and runs `body`, turning failures into message and exit code; prints nothing.
    func fetch(_ body: (SocketClient) throws -> JSONValue?) throws -> JSONValue? {
        do {
            return try body(try SocketClient(socketPath: socket))
        } catch let error as ClientError {
            if json {  // as the daemon's own errors are, for a program that reads stderr
                let (code, field): (String, String?) =
                    switch error {
                    case .unreachable: ("unreachable", nil)
                    case .protocolViolation: ("protocol-violation", nil)
                    case .daemon(let wire): (wire.code.rawValue, wire.field)
                    }
                let body: JSONValue = [
                    "error": .fields(["code": .string(code), "message": .string(error.description), "field": field.map(JSONValue.string)])
                ]
                FileHandle.standardError.write(Data((String(decoding: body.serialized, as: UTF8.self) + "\n").utf8))
            } else {
                FileHandle.standardError.write(Data("\(Self.errorPriority)spoorctl: \(error)\n".utf8))
            }
            throw error.exitCode
        } catch let failure as AuditFailure {
            throw failure.exit()
        }
    }

    /// Under systemd (a timer job), journald reads a `<3>` prefix as the error priority, so a
    /// failed job shows as an error in the journal; at a terminal there is no prefix.
    static var errorPriority: String { ProcessInfo.processInfo.environment["JOURNAL_STREAM"] == nil ? "" : "<3>" }
}
