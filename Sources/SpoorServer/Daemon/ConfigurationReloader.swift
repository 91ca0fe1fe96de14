import SpoorApplication
import Logging
import ServiceLifecycle
import UnixSignals

/// Rereads the users and roles, and the protocol, on SIGHUP (`systemctl reload spoord`). A bad
/// file is logged with its problems and ignored: the daemon keeps the roles and the protocol it
/// has rather than lock everyone out or decide under rules nobody checked.
struct ConfigurationReloader: Service {
    let options: DaemonOptions
    let users: UserDirectory
    let adoption: ProtocolAdoption
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            guard let path = options.configPath else {
                logger.notice("SIGHUP: the development configuration is built in; nothing to reload")
                continue
            }
            do {
                let configuration = try ServerConfiguration.load(from: path)
                users.reload(users: configuration.users, units: configuration.units)
                logger.notice("reloaded users and roles from \(path): \(configuration.users.count) users")
                do {
                    try await SpoorDaemon.adoptProtocol(at: configuration.protocolPath, trigger: "SIGHUP", adoption, logger: logger)
                } catch {
                    logger.error("SIGHUP: kept protocol version \(adoption.protocols.current.version): \(error)")
                }
            } catch {
                logger.error("SIGHUP: kept the current roles and protocol: \(error)")
            }
        }
    }
}
