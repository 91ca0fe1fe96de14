import ArgumentParser
import Foundation
import Logging
import SpoorProtocol
import SpoorServer

/// `spoord`: the Spoor daemon.
@main
struct Spoord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoord",
        abstract: "The Spoor registration ledger daemon.",
        discussion: """
            Serves the event log over a Unix socket (newline-delimited JSON). Run by systemd \
            (Type=notify, socket activation) or in the foreground. SIGTERM and SIGINT drain and \
            stop; SIGHUP rereads the users and roles.
            """,
        version: WireProtocol.softwareVersion)

    @Option(help: "The configuration file (default /etc/spoor/spoord.json).")
    var config: String?

    @Option(help: "The data folder, overriding the configuration's dataDirectory.")
    var data: String?

    @Option(help: "The socket path, overriding the configuration's socketPath.")
    var socket: String?

    @Option(help: "Run on the embedded development default in this folder: store and socket inside it, you in every role.")
    var development: String?

    @Option(help: "The least severe log level written: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Flag(
        help:
            """
            Check the store offline, with the daemon stopped: every hash, the chain, and every index against the log; exit 0 when intact, 65 when \
            not.
            """
    )
    var verifyStore = false

    @Flag(
        help:
            """
            Declare a restored store, with the service stopped: record the restore and begin the log's next epoch under a new checkpoint origin; \
            prints the new verifier key for the auditor.
            """
    )
    var acceptRestore = false

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level \(logLevel) is not a level")
        }
        // A write to a closed pipe (journald gone, a reader of stderr quit) is an error to handle, not a signal that kills.
        signal(SIGPIPE, SIG_IGN)
        LoggingSystem.bootstrap { label in
            var handler = JournalLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "spoord")
        if verifyStore { return try runVerification() }
        do {
            if acceptRestore {
                let (options, configuration) =
                    development.map(DaemonOptions.development(folder:))
                    ?? (DaemonOptions(configPath: config ?? ServerConfiguration.defaultPath, dataDirectory: data, socketPath: socket), nil)
                print(try await SpoorDaemon.acceptRestore(options: options, configuration: configuration, logger: logger))
            } else if let development {
                let (options, configuration) = DaemonOptions.development(folder: development)
                logger.warning(
                    """
                    DEVELOPMENT MODE: store and socket under \(development), user \(configuration.users.keys.first ?? "?") holds every role, and \
                    the master and signing keys are development keys generated in that folder, beside the data they protect. Never use this \
                    for real client data.
                    """
                )
                try await SpoorDaemon.run(options: options, configuration: configuration, logger: logger)
            } else {
                try await SpoorDaemon.run(
                    options: DaemonOptions(configPath: config ?? ServerConfiguration.defaultPath, dataDirectory: data, socketPath: socket),
                    logger: logger)
            }
        } catch {
            logger.critical("cannot run: \(error)")
            throw ExitCode(78)  // EX_CONFIG: systemd should not restart into the same failure forever
        }
    }

    private func runVerification() throws {
        // The store is all a check needs: given --data and no --config, no configuration is read.
        let (options, configuration) =
            development.map(DaemonOptions.development(folder:))
            ?? (
                DaemonOptions(configPath: config ?? ServerConfiguration.defaultPath, dataDirectory: data, socketPath: socket),
                data != nil && config == nil ? ServerConfiguration() : nil
            )
        do {
            let (report, intact) = try SpoorDaemon.verifyStore(options: options, configuration: configuration)
            print(report)
            if !intact { throw ExitCode(65) }  // EX_DATAERR
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("spoord: cannot verify: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}
