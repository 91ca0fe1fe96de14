import SpoorApplication
import Foundation
import SpoorProtocol
import SpoorDomain
import SpoorJSON
import SpoorProof

/// The daemon's configuration file (`/etc/spoor/spoord.json` by default): where the store and the
/// socket live, and which OS users hold which roles.
///
/// ```json
/// {"dataDirectory": "/var/lib/spoor", "socketPath": "/run/spoor/spoor.sock",
///  "users": {"anna": ["professional"], "bram": ["attention-officer", "behavioural-scientist"]}}
/// ```
public struct ServerConfiguration: Codable, Equatable, Sendable {
    public static let defaultPath = "/etc/spoor/spoord.json"

    public var dataDirectory: String = "/var/lib/spoor"
    public var socketPath: String = "/run/spoor/spoor.sock"
    /// The group the socket is given when spoord binds it itself (not under socket activation);
    /// `spoor-admin` when not set.
    public var socketGroup: String?
    /// OS user name → the roles that user may act in, the first being the default.
    public var users: [String: [Role]] = [:]
    /// OS user name → the units whose cases the user cares for (`"*"`: every unit). A carer reads a
    /// case's personal content only for these units, cases assigned to them, a relationship from a
    /// forward or consultation, or in an emergency that is recorded and reviewed.
    public var units: [String: [String]] = [:]
    /// Connections served at once; more are refused with `busy`.
    public var maxConnections: Int = 256
    /// The largest the LMDB map may grow to, in bytes.
    public var maxStoreBytes: Int = 64 << 30
    /// The memory, in bytes by their estimated cost, the daemon keeps decoded cases in, so that a
    /// command on a busy case reads no state: 16 MiB holds some 45 cases of 1,000 signals, or 11,000
    /// new ones. Raise it when more long-lived cases are busy at once (a case not kept is read whole,
    /// about 1.5 ms for 1,000 signals); it counts toward the daemon's memory. 0 keeps none.
    public var recentCasesBytes: Int = 16 << 20
    /// The log's name in its checkpoints, unique among the logs an auditor follows; by default
    /// `<domain>/spoor`. The store keeps the name it was first given (``LogOrigin``).
    public var logOrigin: String?
    /// The institution's DNS domain (`jeugdzorg-noord.nl`), from which a new log is named.
    public var domain: String?
    /// The checkpoint signing key; by default the credential `spoor-signing-key`.
    public var signingKeyPath: String?
    /// Whether this server signs checkpoints: without a signing key it refuses to start, since a
    /// log that signs none can be neither witnessed nor held to a checkpoint, unless this says
    /// `false` (a test bench, say).
    public var signsCheckpoints: Bool = true
    /// The master key that wraps the cases' data keys; by default the credential `spoor-master-key`.
    public var masterKeyPath: String?
    /// The institution's protocol file (`/etc/spoor/protocol.json`); `nil`: the built-in protocol.
    public var protocolPath: String?
    /// The institution as its CoMensha registrations name it (registrerende organisatie), and its region.
    public var organisation: String?
    public var region: String?
    /// The region of each unit that works elsewhere than `region` (an institution may work in several).
    public var regions: [String: String] = [:]
    /// The verifier keys of the witnesses whose cosignatures the relay may hand back
    /// (c2sp.org/tlog-cosignature, `name+keyid+base64(0x04 ‖ key)`): the national hub's.
    public var witnesses: [String] = []
    /// CoMensha's public key, when identifiable registrations go to CoMensha through the relay and
    /// the national hub: each is sealed to it (``DeliveryEnvelope``) as it is made.
    public var comensha: CoMenshaKey?

    /// `{"keyID": "comensha-2027", "publicKey": "<base64 of a 32-byte X25519 key>"}`, as CoMensha publishes it.
    public struct CoMenshaKey: Codable, Sendable, Equatable {
        public var keyID: String
        public var publicKey: String

        public init(keyID: String, publicKey: String) { (self.keyID, self.publicKey) = (keyID, publicKey) }
    }

    public init() {}

    /// Strict: a key this configuration does not have is an error naming it; a missing one keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ServerConfiguration()
        dataDirectory = try container.decodeIfPresent(String.self, forKey: .dataDirectory) ?? defaults.dataDirectory
        socketPath = try container.decodeIfPresent(String.self, forKey: .socketPath) ?? defaults.socketPath
        socketGroup = try container.decodeIfPresent(String.self, forKey: .socketGroup)
        users = try Self.roles(try container.decodeIfPresent([String: [String]].self, forKey: .users)) ?? defaults.users
        units = try container.decodeIfPresent([String: [String]].self, forKey: .units) ?? defaults.units
        maxConnections = try container.decodeIfPresent(Int.self, forKey: .maxConnections) ?? defaults.maxConnections
        maxStoreBytes = try container.decodeIfPresent(Int.self, forKey: .maxStoreBytes) ?? defaults.maxStoreBytes
        recentCasesBytes = try container.decodeIfPresent(Int.self, forKey: .recentCasesBytes) ?? defaults.recentCasesBytes
        logOrigin = try container.decodeIfPresent(String.self, forKey: .logOrigin)
        domain = try container.decodeIfPresent(String.self, forKey: .domain)
        signingKeyPath = try container.decodeIfPresent(String.self, forKey: .signingKeyPath)
        signsCheckpoints = try container.decodeIfPresent(Bool.self, forKey: .signsCheckpoints) ?? defaults.signsCheckpoints
        masterKeyPath = try container.decodeIfPresent(String.self, forKey: .masterKeyPath)
        protocolPath = try container.decodeIfPresent(String.self, forKey: .protocolPath)
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        regions = try container.decodeIfPresent([String: String].self, forKey: .regions) ?? defaults.regions
        witnesses = try container.decodeIfPresent([String].self, forKey: .witnesses) ?? defaults.witnesses
        comensha = try container.decodeIfPresent(CoMenshaKey.self, forKey: .comensha)
    }

    /// A role named in `users` that Spoor does not have, with the near miss it may be.
    struct UnknownRoles: Error, CustomStringConvertible {
        var problems: [String]
        var description: String { problems.joined(separator: "; ") }
    }

    /// The users' roles, every unknown one named at once, with a suggestion for a near miss.
    static func roles(_ names: [String: [String]]?) throws -> [String: [Role]]? {
        guard let names else { return nil }
        let known = Role.allCases.map(\.rawValue)
        let problems = names.sorted { $0.key < $1.key }.flatMap { user, roles in
            roles.filter { Role(rawValue: $0) == nil }.map { role in
                "unknown role '\(role)' for user \(user)" + (NearMiss.suggestion(for: role, among: known).map { " (did you mean \($0)?)" } ?? "")
            }
        }
        guard problems.isEmpty else { throw UnknownRoles(problems: problems + ["the roles are: \(known.joined(separator: ", "))"]) }
        return names.mapValues { $0.compactMap(Role.init(rawValue:)) }
    }

    /// Reads and checks the file at `path`; a bad file is an error that names it and every
    /// problem it has at once, each with its key and, for a misspelt one, the near miss.
    public static func load(from path: String) throws(ServerError) -> ServerConfiguration {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .configuration(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch { throw .configuration(path: path, reason: "is not JSON: \(error)") }
        guard let object = json.object else { throw .configuration(path: path, reason: "is not a JSON object of configuration keys") }
        let known = Mirror(reflecting: ServerConfiguration()).children.compactMap(\.label)
        var problems = object.keys.sorted().filter { !known.contains($0) }.map { key in
            let moved = ["signalFollowUpDays", "retentionYears"].contains(key) ? ": it moved to the protocol file (see protocolPath)" : ""
            return "\(key): not a configuration key\(moved)" + (NearMiss.suggestion(for: key, among: known).map { "; did you mean \($0)?" } ?? "")
        }
        var checked = object.filter { known.contains($0.key) }
        if let users = object["users"]?.object {  // unknown roles named here, every one; the rest decoded with the roles there are
            let names = users.mapValues { $0.array?.compactMap(\.string) ?? [] }
            if case .failure(let unknown as UnknownRoles) = Result(catching: { try roles(names) }) {
                problems += unknown.problems.dropLast().map { "users: \($0)" }
                problems[problems.count - 1] += " (\(unknown.problems.last ?? ""))"
                let kept = names.mapValues { $0.filter { Role(rawValue: $0) != nil } }.filter { !$0.value.isEmpty || names[$0.key]?.isEmpty == true }
                checked["users"] = .object(kept.mapValues { .array($0.map(JSONValue.string)) })
            }
        }
        var configuration: ServerConfiguration?
        do {
            configuration = try JSONValueDecoder().decode(ServerConfiguration.self, from: .object(checked))
        } catch let unknown as JSONValueDecoder.UnknownKey {
            problems.append("\(unknown.path): not a key here")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            problems.append("\(context.codingPath.map(\.stringValue).joined(separator: ".")): has the wrong type (\(context.debugDescription))")
        } catch {
            problems.append("\(error)")
        }
        if let configuration { problems += configuration.problems }
        guard let configuration, problems.isEmpty else {
            throw .configuration(
                path: path,
                reason: problems.count == 1
                    ? "has a problem: \(problems[0])"
                    : "has \(problems.count) problems: " + problems.joined(separator: "; "))
        }
        return configuration
    }

    /// What is wrong with the values, every problem named with its key.
    var problems: [String] {
        var problems = users.filter { $0.value.isEmpty }.keys.sorted().map { "users: \($0) has no roles; leave the user out instead" }
        if maxConnections <= 0 { problems.append("maxConnections: must be positive") }
        if recentCasesBytes < 0 { problems.append("recentCasesBytes: must be 0 (keep no decoded case) or more") }
        problems += witnesses.filter { (try? CosignatureVerifier(verifierKey: $0)) == nil }.map {
            "witnesses: \"\($0)\" is not a cosigner's verifier key (name+keyid+base64 of 0x04 and an Ed25519 key)"
        }
        if let comensha, (try? DeliveryEnvelope.publicKey(base64: comensha.publicKey)) == nil {
            problems.append("comensha.publicKey: is not base64 of a 32-byte X25519 public key")
        }
        return problems
    }
}
