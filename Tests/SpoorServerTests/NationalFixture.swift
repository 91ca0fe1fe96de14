import Crypto
import Foundation
import Glibc
import SpoorProof
import Testing

/// Real institutions' spoord (one by default), the national hub on PostgreSQL 15, and test
/// certificates for their relays (`relay-<site>`, each pinned to its institution's log, and
/// `relay-zuid`, pinned to none): the real binaries, as the national tests drive them.
struct NationalFixture: @unchecked Sendable {
    static func products(_ name: String) -> String { DaemonProcess.products.appendingPathComponent(name).path }

    /// One institution's spoord, its log and the certificate of its relay.
    struct Site: @unchecked Sendable {
        let name: String
        let daemon: DaemonProcess
        let ctl: Spoorctl
        let logKey: String
        let origin: String
        var relayCertificate: String { "relay-" + name }
    }

    let folder: String
    /// The hub's PostgreSQL: the primary, and with `replicated` its streaming standby.
    let postgres: PostgresServer
    let standby: PostgresServer?
    let certificates: TestCertificates
    let cosigner: Cosigner
    let sites: [Site]
    let hub: DaemonProcess
    let hubPort: String

    /// The first institution's daemon, client and log.
    var daemon: DaemonProcess { sites[0].daemon }
    var ctl: Spoorctl { sites[0].ctl }
    var logKey: String { sites[0].logKey }
    var origin: String { sites[0].origin }

    /// CoMensha's key pair, when the daemons seal identifiable registrations to it.
    let comenshaKey: Curve25519.KeyAgreement.PrivateKey?

    /// A simulated institution the hub witnesses besides the real daemons: its log, its key, the name of its certificate.
    struct Simulated {
        var origin: String
        var signer: CheckpointSigner
        var certificate: String
    }

    /// `sites`: the real institutions, each a spoord in the region of its name, but the first in
    /// `region` (none when nil). `replicated`: a primary with a streaming standby, synchronous
    /// (remote_apply) when `true`, asynchronous when `false` (the control case); `nil`: one node.
    /// `simulated`: institutions the hub witnesses besides the daemons, in the region `sim`.
    init(
        region: String? = nil, sites names: [String] = ["noord"], deliversToCoMensha: Bool = false, replicated: Bool? = nil,
        simulated: [Simulated] = []
    ) throws {
        let primary = try PostgresServer(database: "spoor_hub", replicated: replicated)
        postgres = primary
        standby = try replicated.map { _ in try PostgresServer(standbyOf: primary) }
        folder = try OperationsTests.folder("spoor-national")
        certificates = try TestCertificates(
            in: folder, server: "hub",
            clients: names.map { "relay-" + $0 } + ["relay-zuid", "comensha"] + simulated.map(\.certificate))
        comenshaKey = deliversToCoMensha ? Curve25519.KeyAgreement.PrivateKey() : nil
        let seed = Array(repeating: UInt8(5), count: 32)
        try Data(seed).write(to: URL(fileURLWithPath: folder + "/cosigner-key"))
        cosigner = try Cosigner(name: "hub.spoor.invalid/witness", seed: seed)
        sites = try names.enumerated().map { [folder, cosigner, comenshaKey] index, name in
            try Self.site(name, index: index, in: index == 0 ? folder : folder + "/" + name, witness: cosigner, comensha: comenshaKey)
        }

        // The hub, which pins each relay's certificate to its institution's log, and each simulated institution's to its own.
        let issued = certificates
        let institutions =
            try sites.enumerated().map { index, site in
                let siteRegion = index == 0 ? region : site.name
                return #"{"origin": "\#(site.origin)", "logKey": "\#(site.logKey)", "client": "\#(try issued.fingerprint(site.relayCertificate))""#
                    + (siteRegion.map { #", "region": "\#($0)""# } ?? "") + "}"
            }
            + simulated.map { institution in
                #"""
                {"origin": "\#(institution.origin)", "logKey": "\#(institution.signer.verifierKey)",\#
                 "client": "\#(try issued.fingerprint(institution.certificate))", "region": "sim"}
                """#
            }
        try """
        {"listen": {"host": "127.0.0.1", "port": 0},
         "tls": {"certificate": "\(certificates.certificate("hub"))", "key": "\(certificates.key("hub"))", "clientCA": "\(certificates.ca)"},
         "postgres": {"hosts": ["\(([postgres] + (standby.map { [$0] } ?? [])).map(\.socket).joined(separator: "\", \""))"],
                      "username": "\(postgres.user)", "database": "spoor_hub"},
         "cosigner": {"name": "\(cosigner.name)", "keyPath": "\(folder)/cosigner-key"},
         "institutions": [\(institutions.joined(separator: ", "))],
         "comensha": {"client": "\(try certificates.fingerprint("comensha"))"}}
        """.write(toFile: folder + "/hub.json", atomically: true, encoding: .utf8)
        hub = try DaemonProcess(
            arguments: ["--config", folder + "/hub.json"], executable: Self.products("spoor-hub"),
            socketPath: folder + "/unused", waitForSocket: false)
        var port: String?
        for _ in 0..<500 where port == nil {
            port = hub.log.components(separatedBy: " on port ").dropFirst().first.map { String($0.prefix { $0.isNumber }) }
            if !hub.process.isRunning { break }
            usleep(20_000)
        }
        guard let port else { throw Failed(description: "the hub did not start: \(hub.log)") }
        hubPort = port
    }

    /// The institution `name`'s spoord in `folder`, with keys of its own, which trusts the hub's
    /// cosigner key and, with `comensha`, seals identifiable registrations to CoMensha.
    private static func site(
        _ name: String, index: Int, in folder: String, witness: Cosigner,
        comensha: Curve25519.KeyAgreement.PrivateKey?
    ) throws -> Site {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(repeating: UInt8(7 + index), count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try Data(repeating: UInt8(90 + index), count: 32).write(to: URL(fileURLWithPath: folder + "/signing-key"))
        let comenshaSetting =
            comensha.map {
                #", "comensha": {"keyID": "comensha-test", "publicKey": "\#($0.publicKey.rawRepresentation.base64EncodedString())"}"#
            } ?? ""
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try """
        {"dataDirectory": "\(folder)/data", "socketPath": "\(folder)/s.sock", "masterKeyPath": "\(folder)/master-key",
         "signingKeyPath": "\(folder)/signing-key", "domain": "jeugdzorg-\(name).nl", "witnesses": ["\(witness.verifierKey)"],
         "organisation": "Jeugdzorg \(name.capitalized)", "region": "\(name)",
         "users": {"\(me)": ["attention-officer", "auditor", "relay", "professional", "privacy-officer"]},
         "units": {"\(me)": ["*"]}\(comenshaSetting)}
        """.write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try OperationsTests.open(ctl, "n1")
        let logKey = try OperationsTests.verifierKey(ctl)
        return Site(name: name, daemon: daemon, ctl: ctl, logKey: logKey, origin: String(logKey.prefix { $0 != "+" }))
    }

    struct Failed: Error, CustomStringConvertible { let description: String }

    func stop() {
        hub.stop()
        for site in sites { site.daemon.stop() }
        postgres.stop()
        standby?.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// One round of `spoor-relay --once` for `site` (the first) with `client`'s certificate (its
    /// relay's) and a cursor of its own.
    func relay(_ client: String? = nil, at site: Site? = nil, cursor: String = "cursor") throws -> (status: Int32, output: String) {
        let site = site ?? sites[0]
        let client = client ?? site.relayCertificate
        let configuration = folder + "/relay-\(site.name)-\(client).json"
        try """
        {"socket": "\(site.daemon.socketPath)", "hub": "https://127.0.0.1:\(hubPort)",
         "tls": {"certificate": "\(certificates.certificate(client))", "key": "\(certificates.key(client))", "hubCA": "\(certificates.ca)"},
         "statePath": "\(folder)/\(site.name)-\(cursor)"}
        """.write(toFile: configuration, atomically: true, encoding: .utf8)
        return try SystemdUnitTests.run([Self.products("spoor-relay"), "--config", configuration, "--once"])
    }

    /// One round of `spoor-comensha --once`, which writes what it opens under `inbox`.
    func comensha() throws -> (status: Int32, output: String) {
        guard let comenshaKey else { throw Failed(description: "the fixture was made without CoMensha's key") }
        try comenshaKey.rawRepresentation.base64EncodedString().write(toFile: folder + "/comensha-key", atomically: true, encoding: .utf8)
        try """
        {"hub": "https://127.0.0.1:\(hubPort)", "inbox": "\(inbox)",
         "tls": {"certificate": "\(certificates.certificate("comensha"))", "key": "\(certificates.key("comensha"))", "hubCA": "\(certificates.ca)"},
         "keys": {"comensha-test": "\(folder)/comensha-key"}}
        """.write(toFile: folder + "/comensha.json", atomically: true, encoding: .utf8)
        return try SystemdUnitTests.run([Self.products("spoor-comensha"), "--config", folder + "/comensha.json", "--once"])
    }

    var inbox: String { folder + "/inbox" }

    /// A query's rows on the hub's PostgreSQL (the first node, or `node`), unaligned.
    func sql(_ query: String, on node: PostgresServer? = nil) throws -> String {
        try (node ?? postgres).psql(query, database: "spoor_hub").output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// POSTs `body` to the hub's `path` over mutual TLS with `client`'s certificate, as a relay
    /// would but with what the test chooses: the status and the body.
    func post(_ path: String, _ body: String, as client: String = "relay-noord") throws -> (status: Int, body: String) {
        try request("POST", path, body, as: client)
    }

    /// GETs the hub's `path` over mutual TLS with `client`'s certificate.
    func get(_ path: String, as client: String = "relay-noord") throws -> (status: Int, body: String) { try request("GET", path, "", as: client) }

    private func request(_ method: String, _ path: String, _ body: String, as client: String) throws -> (status: Int, body: String) {
        let script = """
            import http.client, ssl, sys
            context = ssl.create_default_context(cafile=sys.argv[1])
            context.load_cert_chain(sys.argv[2], sys.argv[3])
            connection = http.client.HTTPSConnection("127.0.0.1", int(sys.argv[4]), context=context)
            body = sys.stdin.buffer.read()
            connection.request(sys.argv[6], sys.argv[5], body=body if body else None, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            print(response.status)
            sys.stdout.write(response.read().decode())
            """
        try body.write(toFile: folder + "/post-body", atomically: true, encoding: .utf8)
        let result = try SystemdUnitTests.run([
            "sh", "-c", "python3 -c \"$0\" \"$@\" < \(folder)/post-body", script, certificates.ca,
            certificates.certificate(client), certificates.key(client), hubPort, path, method,
        ])
        let lines = result.output.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let status = lines.first.flatMap({ Int($0) }) else { throw Failed(description: result.output) }
        return (status, lines.count > 1 ? String(lines[1]) : "")
    }
}
