import SpoorApplication
import Foundation
import SpoorDomain

/// How `spoord` was asked to run.
public struct DaemonOptions: Sendable {
    /// The configuration file; `nil` in development mode.
    public var configPath: String?
    /// Overrides of the configuration's folder and socket.
    public var dataDirectory: String?
    public var socketPath: String?

    public init(configPath: String?, dataDirectory: String? = nil, socketPath: String? = nil) {
        self.configPath = configPath
        self.dataDirectory = dataDirectory
        self.socketPath = socketPath
    }

    /// The embedded default of `make run`: everything under `folder`, and the invoking user in
    /// every role, so one person can walk a case through on a laptop.
    public static func development(folder: String) -> (DaemonOptions, ServerConfiguration) {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = folder + "/data"
        configuration.socketPath = folder + "/spoor.sock"
        let user = UserDirectory.userName(of: getuid()) ?? "uid:\(getuid())"
        configuration.users = [user: Role.allCases]
        configuration.units = [user: [UserDirectory.everyUnit]]
        configuration.domain = "development.invalid"  // a development log: development.invalid/spoor
        configuration.signingKeyPath = try? KeyFile.development("dev-signing-key", in: folder)
        configuration.masterKeyPath = try? KeyFile.development("dev-master-key", in: folder)
        return (DaemonOptions(configPath: nil), configuration)
    }

    /// The configuration to start with: the file, with the command line's overrides.
    func resolve(_ base: ServerConfiguration?) throws(ServerError) -> ServerConfiguration {
        var configuration: ServerConfiguration
        if let base {
            configuration = base
        } else {
            configuration = try ServerConfiguration.load(from: configPath ?? ServerConfiguration.defaultPath)
        }
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let socketPath { configuration.socketPath = socketPath }
        return configuration
    }
}
