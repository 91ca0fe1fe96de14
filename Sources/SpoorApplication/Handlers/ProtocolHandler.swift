import SpoorDomain
import SpoorJSON
import SpoorLedger
import SpoorProtocol

/// The institution's protocol as adopted: shown, and reread from its file.
package struct ProtocolHandler: Sendable {
    /// The protocols adopted; new decisions follow the one in force.
    let protocols: AdoptedProtocols
    let adoption: ProtocolAdoption
    /// Where the protocol file is reread from on `protocol.reload`; `nil`: the built-in protocol.
    let protocolPath: String?

    /// The protocol in force (or version `version`), whole, with every version this store adopted.
    func showProtocol(_ params: ProtocolShowParams) throws -> JSONValue {
        let adopted: AdoptedProtocols.Adopted
        if let version = params.version {
            guard let found = protocols.adopted(version: version) else {
                throw WireError(.notFound, "protocol version \(version) was never adopted here", field: "version")
            }
            adopted = found
        } else {
            adopted = try protocols.currentAdoption ?? .init(rules: .standard, digest: AdoptedProtocols.digest(of: .standard))
        }
        let versions = protocols.all.map { ProtocolShowReply.Version(version: $0.rules.version, name: $0.rules.name, digest: $0.digest) }
        return try JSONValue(
            encoding: ProtocolShowReply(
                version: adopted.rules.version, digest: adopted.digest,
                inForce: adopted.rules.version == protocols.current.version,
                protocol: try JSONValueEncoder().encode(adopted.rules), adopted: versions))
    }

    /// Rereads the protocol file and adopts it if it changed, in the caller's name; a file that
    /// does not validate is refused with all its problems, and the protocol in force stays.
    func reloadProtocol(_ caller: Caller) async throws -> JSONValue {
        guard let protocolPath else {
            throw WireError(
                .ruleViolated, "this daemon runs on the built-in protocol (development mode or no protocolPath); there is no file to reload")
        }
        let rules: InstitutionProtocol
        do { rules = try ProtocolAdoption.read(path: protocolPath) } catch {
            throw WireError(.invalidField, error.description, field: "protocol")
        }
        let principal = caller.principal
        let outcome = try await adoption.adopt(
            rules, file: protocolPath, trigger: "protocol.reload",
            by: .init(uid: principal.uid, name: principal.name), role: Role.admin.rawValue)
        let (adopted, changed) =
            switch outcome {
            case .adopted(let adopted): (adopted, true)
            case .unchanged(let adopted): (adopted, false)
            }
        return try JSONValue(encoding: ReloadReply(version: adopted.rules.version, digest: adopted.digest, adopted: changed))
    }

    package init(protocols: AdoptedProtocols, adoption: ProtocolAdoption, protocolPath: String?) {
        self.protocols = protocols
        self.adoption = adoption
        self.protocolPath = protocolPath
    }
}
