import ArgumentParser
import Foundation
import SpoorProtocol

/// The options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The daemon's socket.", valueName: "path"))
    var socket: String = ProcessInfo.processInfo.environment["SPOOR_SOCKET"] ?? WireProtocol.defaultSocketPath

    @Flag(help: "Print the daemon's reply as JSON instead of a readable summary.")
    var json = false

    /// Connects, runs `body`, prints what it returns, and turns failures into message and exit code.
    func run(_ body: (SocketClient) throws -> JSONValue?, render: (JSONValue) -> String) throws {
        do {
            let client = try SocketClient(socketPath: socket)
            guard let result = try body(client) else { return }
            print(json ? Output.json(result) : render(result))
        } catch let error as ClientError {
            FileHandle.standardError.write(Data("spoorctl: \(error)\n".utf8))
            throw error.exitCode
        } catch let failure as AuditFailure {
            throw failure.exit()
        }
    }
}
