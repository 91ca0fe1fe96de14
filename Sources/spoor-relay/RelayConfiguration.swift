import Foundation

/// The relay's configuration file (`/etc/spoor-relay/relay.json`): the daemon's socket, the hub,
/// the relay's client certificate, and where it keeps its cursor.
///
/// ```json
/// {"socket": "/run/spoor/spoor.sock", "hub": "https://hub.spoor.nl:8443",
///  "tls": {"certificate": "/etc/spoor-relay/relay.crt", "key": "/etc/spoor-relay/relay.key", "hubCA": "/etc/spoor-relay/hub-ca.crt"},
///  "statePath": "/var/lib/spoor-relay/cursor.json", "intervalSeconds": 60}
/// ```
struct RelayConfiguration: Codable, Equatable {
    struct TLS: Codable, Equatable {
        var certificate: String
        var key: String
        /// The CA that certifies the hub, PEM.
        var hubCA: String
    }

    var socket: String
    /// The hub's submission prefix: `add-checkpoint` is posted below it.
    var hub: String
    var tls: TLS
    /// The size of the latest checkpoint the hub cosigned and the daemon recorded, kept across restarts.
    var statePath: String
    /// The last position whose registration records were shipped; beside `statePath` by default.
    var recordsCursorPath: String?
    /// The hub's sequence number of the last acknowledgement handed to the daemon; beside `statePath` by default.
    var acknowledgementsCursorPath: String?
    var intervalSeconds: Int?

    var recordsStatePath: String { recordsCursorPath ?? statePath + ".records" }
    var acknowledgementsStatePath: String { acknowledgementsCursorPath ?? statePath + ".acknowledgements" }

    static func load(from path: String) throws -> RelayConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else { throw RelayError("\(path) cannot be read") }
        do { return try JSONDecoder().decode(RelayConfiguration.self, from: data) } catch {
            throw RelayError("\(path) is not a relay configuration: \(error)")
        }
    }
}

/// Why the relay stopped, or a round failed, in words an operator can act on.
struct RelayError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
