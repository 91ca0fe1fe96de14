import Foundation

/// The hub's configuration file (`/etc/spoor-hub/hub.json`): where it listens, its TLS identity
/// and the CA that certifies the institutions' relays, its PostgreSQL, its cosigning key, and
/// the institutions it witnesses, each log pinned to one client certificate.
///
/// ```json
/// {"listen": {"host": "0.0.0.0", "port": 8443},
///  "tls": {"certificate": "/etc/spoor-hub/hub.crt", "key": "/etc/spoor-hub/hub.key", "clientCA": "/etc/spoor-hub/relays-ca.crt"},
///  "postgres": {"hosts": ["db1.hub.internal", "db2.hub.internal"], "port": 5432, "username": "spoor_hub", "database": "spoor_hub"},
///  "cosigner": {"name": "hub.spoor.nl/witness", "keyPath": "/etc/spoor-hub/cosigner-key"},
///  "institutions": [{"origin": "jeugdzorg-noord.nl/spoor", "logKey": "jeugdzorg-noord.nl/spoor+…", "client": "sha256:…"}]}
/// ```
public struct HubConfiguration: Codable, Sendable, Equatable {
    public struct Listen: Codable, Sendable, Equatable {
        public var host: String
        public var port: Int
    }

    public struct TLS: Codable, Sendable, Equatable {
        /// The hub's certificate chain and key, PEM.
        public var certificate: String
        public var key: String
        /// The CA that certifies the relays' client certificates, PEM.
        public var clientCA: String
    }

    public struct Postgres: Codable, Sendable, Equatable {
        /// A host name, or the folder of PostgreSQL's Unix socket; or, for a primary with a
        /// synchronous standby, `hosts`: every node, of which the hub uses the one not in recovery.
        public var host: String?
        public var hosts: [String]?
        public var port: Int?
        public var username: String
        public var password: String?
        public var database: String
        /// How long a request may wait for PostgreSQL before the hub answers 503 (1,500 by default):
        /// a commit waits while the synchronous standby is away.
        public var deadlineMilliseconds: Int?

        /// Every node named, in order.
        public var nodes: [String] { (hosts ?? []) + (host.map { [$0] } ?? []) }
    }

    public struct CosignerKey: Codable, Sendable, Equatable {
        /// The witness's key name (c2sp.org/tlog-cosignature: a schema-less URL).
        public var name: String
        /// A file holding the 32-byte Ed25519 seed, raw or base64.
        public var keyPath: String
    }

    /// An institution the hub witnesses: its log, the key it signs checkpoints with, and the
    /// SHA-256 fingerprint (`sha256:<hex>` of the DER) of its relay's client certificate.
    public struct Institution: Codable, Sendable, Equatable {
        public var origin: String
        public var logKey: String
        public var client: String
        /// The region its registration records must name, when the hub is told (the institution's `region`).
        public var region: String?
    }

    public var listen: Listen
    public var tls: TLS
    public var postgres: Postgres
    public var cosigner: CosignerKey
    public var institutions: [Institution]
    /// CoMensha's client, which fetches the outbox: its certificate's fingerprint.
    public var comensha: CoMensha?
    /// Counts under it are hidden in the national statistics (5 by default, as in the built-in protocol).
    public var smallCellThreshold: Int?
    /// How many months a registration record is kept after its month (60 by default); the
    /// statistics' counts are kept.
    public var recordRetentionMonths: Int?

    public struct CoMensha: Codable, Sendable, Equatable {
        public var client: String
    }

    /// Reads the file at `path`; a problem is an error naming the file and what is wrong.
    public static func load(from path: String) throws -> HubConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else { throw HubError.configuration("\(path) cannot be read") }
        let configuration: HubConfiguration
        do { configuration = try JSONDecoder().decode(HubConfiguration.self, from: data) } catch {
            throw HubError.configuration("\(path) is not a hub configuration: \(error)")
        }
        guard !configuration.postgres.nodes.isEmpty else { throw HubError.configuration("\(path): postgres names no host (host, or hosts)") }
        return configuration
    }
}

/// Why the hub cannot start, in words an operator can act on.
public enum HubError: Error, CustomStringConvertible {
    case configuration(String)

    public var description: String {
        switch self {
        case .configuration(let reason): reason
        }
    }
}
