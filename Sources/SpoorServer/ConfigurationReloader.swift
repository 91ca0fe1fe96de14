import Logging
import ServiceLifecycle
import UnixSignals

/// Rereads the users and roles on SIGHUP (`systemctl reload spoord`). A bad file is logged and
/// ignored: the daemon keeps the roles it has rather than lock everyone out.
struct ConfigurationReloader: Service {
    let options: DaemonOptions
    let users: UserDirectory
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            guard let path = options.configPath else {
                logger.notice("SIGHUP: the development configuration is built in; nothing to reload")
                continue
            }
            do {
                let configuration = try ServerConfiguration.load(from: path)
                users.reload(users: configuration.users)
                logger.notice("reloaded users and roles from \(path): \(configuration.users.count) users")
            } catch {
                logger.error("SIGHUP: kept the current roles: \(error)")
            }
        }
    }
}
