import ArgumentParser
import Foundation
import SpoorProtocol

/// The options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The daemon's socket.", valueName: "path"))
    var socket: String = ProcessInfo.processInfo.environment["SPOOR_SOCKET"] ?? WireProtocol.defaultSocketPath

    @Flag(help: "Print the daemon's reply as JSON instead of a readable summary.")
    var json = false

    /// Connects, calls `method` for a typed reply, prints it (as JSON, or rendered), and turns
    /// failures into message and exit code.
    func run<Reply: Codable>(_ method: SpoorProtocol.Method, _ params: some Encodable = JSONValue.object([:]), as _: Reply.Type,
                             render: (Reply) -> String) throws {
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
            FileHandle.standardError.write(Data("\(Self.errorPriority)spoorctl: \(error)\n".utf8))
            throw error.exitCode
        } catch let failure as AuditFailure {
            throw failure.exit()
        }
    }

    /// Under systemd (a timer job), journald reads a `<3>` prefix as the error priority, so a
    /// failed job shows as an error in the journal; at a terminal there is no prefix.
    static var errorPriority: String { ProcessInfo.processInfo.environment["JOURNAL_STREAM"] == nil ? "" : "<3>" }
}
