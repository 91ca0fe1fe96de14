import Foundation

/// `spoor-comensha`'s configuration file (`/etc/spoor-comensha/comensha.json`): the hub, CoMensha's
/// client certificate, its private keys by key id (a new key is added before the old one is
/// retired, so deliveries sealed to either open), and the inbox folder where each opened
/// registration is written for CoMensha's own registration system to take in.
///
/// ```json
/// {"hub": "https://hub.spoor.nl:8443",
///  "tls": {"certificate": "/etc/spoor-comensha/client.crt", "key": "/etc/spoor-comensha/client.key", "hubCA": "/etc/spoor-comensha/hub-ca.crt"},
///  "keys": {"comensha-2027": "/etc/spoor-comensha/comensha-2027.key"},
///  "inbox": "/var/lib/spoor-comensha/inbox", "intervalSeconds": 60}
/// ```
struct CoMenshaConfiguration: Codable, Equatable {
    struct TLS: Codable, Equatable {
        var certificate: String
        var key: String
        var hubCA: String
    }

    var hub: String
    var tls: TLS
    /// Key id → a file holding base64 of the 32-byte X25519 private key.
    var keys: [String: String]
    var inbox: String
    var intervalSeconds: Int?

    static func load(from path: String) throws -> CoMenshaConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else { throw CoMenshaError("\(path) cannot be read") }
        do { return try JSONDecoder().decode(CoMenshaConfiguration.self, from: data) } catch {
            throw CoMenshaError("\(path) is not a spoor-comensha configuration: \(error)")
        }
    }
}

/// What went wrong, in words CoMensha's operator can act on.
struct CoMenshaError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
