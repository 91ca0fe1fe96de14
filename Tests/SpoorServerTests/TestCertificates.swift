import Foundation
import SpoorProof

/// A test CA with a server certificate for 127.0.0.1 and client certificates, made with openssl.
struct TestCertificates {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    let folder: String
    var ca: String { folder + "/ca.crt" }

    init(in folder: String, server: String, clients: [String]) throws {
        self.folder = folder
        try run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", folder + "/ca.key",
            "-out", ca, "-days", "2", "-subj", "/CN=spoor-test-ca",
        ])
        try issue(server, usage: "serverAuth", names: "subjectAltName=IP:127.0.0.1,DNS:localhost")
        for client in clients { try issue(client, usage: "clientAuth", names: nil) }
    }

    func certificate(_ name: String) -> String { "\(folder)/\(name).crt" }
    func key(_ name: String) -> String { "\(folder)/\(name).key" }

    /// `sha256:<hex>` of the certificate's DER, as the hub pins a relay's certificate.
    func fingerprint(_ name: String) throws -> String {
        let pem = try String(contentsOfFile: certificate(name), encoding: .utf8)
        let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return "sha256:" + ChainHash.of(Array(Data(base64Encoded: base64)!)).hex
    }

    private func issue(_ name: String, usage: String, names: String?) throws {
        let extensions = folder + "/\(name).ext"
        try ([names, "extendedKeyUsage=\(usage)"].compactMap { $0 }.joined(separator: "\n") + "\n").write(
            toFile: extensions, atomically: true, encoding: .utf8)
        try run([
            "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key(name),
            "-out", folder + "/\(name).csr", "-subj", "/CN=\(name)",
        ])
        try run([
            "openssl", "x509", "-req", "-in", folder + "/\(name).csr", "-CA", ca, "-CAkey", folder + "/ca.key", "-CAcreateserial",
            "-out", certificate(name), "-days", "2", "-extfile", extensions,
        ])
    }

    private func run(_ arguments: [String]) throws {
        let result = try SystemdUnitTests.run(arguments, in: folder)
        struct Failed: Error, CustomStringConvertible { let description: String }
        guard result.status == 0 else { throw Failed(description: result.output) }
    }
}
