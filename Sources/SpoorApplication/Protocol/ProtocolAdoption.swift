import Foundation
import SpoorDomain
import SpoorJSON
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Adopting a protocol: read the file strictly, refuse a version that was adopted with other
/// content or lies below the newest, and append `protocol-adopted` to the `system` stream with
/// the whole protocol, its digest and version, attributed to the OS user who had it adopted. The
/// adopted protocols are kept in the projection beside the cases, written in the same
/// transaction, and folded again from those events on a rebuild.
package struct ProtocolAdoption: Sendable {
    static let eventType = "protocol-adopted"
    static let keyPrefix = Array("protocol/".utf8)

    let ledger: Ledger
    package let protocols: AdoptedProtocols

    /// What an adoption did.
    package enum Outcome: Sendable {
        case adopted(AdoptedProtocols.Adopted)
        /// The protocol in force has the same content already.
        case unchanged(AdoptedProtocols.Adopted)
    }

    /// Loads the protocols adopted before, from the projection.
    package func load() throws {
        var after: [UInt8]?
        var latest: (position: UInt64, adopted: AdoptedProtocols.Adopted)?
        while true {
            let page = try ledger.projectionRecords(withPrefix: Self.keyPrefix, after: after, limit: 256)
            for record in page {
                let (position, adopted) = try Self.decodeRecord(record.value)
                protocols.record(adopted)
                if position > latest?.position ?? 0 { latest = (position, adopted) }
            }
            guard page.count == 256 else { break }
            after = page.last?.key
        }
        if let latest { protocols.record(latest.adopted) }  // the newest adoption is the one in force
    }

    /// Reads a protocol file; its problems, all of them, name the file.
    package static func read(path: String) throws(StoreError) -> InstitutionProtocol {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .file(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        do { return try InstitutionProtocol(json: data) } catch {
            throw .file(path: path, reason: "is not a valid protocol:\n\(error.description)")
        }
    }

    /// Adopts `rules` unless it is the one in force: `trigger` says what asked (start, SIGHUP, the
    /// `protocol.reload` method), `file` where it came from.
    package func adopt(_ rules: InstitutionProtocol, file: String?, trigger: String, by actor: AppendMetadata.Actor, role: String) async throws
        -> Outcome
    {
        let adopted = AdoptedProtocols.Adopted(rules: rules, digest: try AdoptedProtocols.digest(of: rules))
        if let current = protocols.currentAdoption, current == adopted { return .unchanged(current) }
        try checkVersion(adopted)
        var payload: [String: JSONValue] = [
            "version": .number(Double(rules.version)), "name": .string(rules.name), "digest": .string(adopted.digest),
            "trigger": .string(trigger), "protocol": try JSONValueEncoder().encode(rules),
        ]
        payload["file"] = file.map(JSONValue.string)
        let serialized = JSONValue.object(payload).serialized
        _ = try await ledger.append(
            to: .system, events: [ProposedEvent(type: Self.eventType, payload: serialized)],
            metadata: AppendMetadata(actor: actor, role: role),
            projector: { positions, _ in Self.records(version: rules.version, position: positions[0], payload: serialized) })
        protocols.record(adopted)
        return .adopted(adopted)
    }

    /// A version names one content forever, and a new content takes a version above every adopted one.
    private func checkVersion(_ adopted: AdoptedProtocols.Adopted) throws(WireError) {
        let version = adopted.rules.version
        if let earlier = protocols.adopted(version: version) {
            guard earlier.digest == adopted.digest else {
                throw WireError(
                    .conflict,
                    "protocol version \(version) was adopted with other content (\(earlier.digest)); give the changed protocol a higher version",
                    field: "version")
            }
            return
        }
        if let newest = protocols.all.last?.rules.version, version < newest {
            throw WireError(
                .conflict, "protocol version \(version) lies below version \(newest), adopted already; give it a version above \(newest)",
                field: "version")
        }
    }

    /// The projection's record of an adoption at `position`: `protocol/<version>` → position and payload.
    static func records(version: Int, position: UInt64, payload: [UInt8]) -> [ProjectionRecord] {
        let digits = String(version)
        let key = keyPrefix + Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits).utf8)  // in version order
        return [ProjectionRecord(key: key, value: withUnsafeBytes(of: position.bigEndian) { Array($0) } + payload)]
    }

    /// The adoption a `protocol-adopted` event records, as a rebuild folds it.
    static func adopted(from event: RecordedEvent) throws -> AdoptedProtocols.Adopted {
        try adopted(payload: event.payload)
    }

    private static func decodeRecord(_ value: [UInt8]) throws -> (UInt64, AdoptedProtocols.Adopted) {
        guard value.count > 8 else { throw StoredCaseError.damaged("protocol record") }
        let position = value[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (position, try adopted(payload: value[8...]))
    }

    private static func adopted(payload: some Collection<UInt8>) throws -> AdoptedProtocols.Adopted {
        guard case .object(let object) = try JSONValue.parse(payload), let rules = object["protocol"],
            case .string(let digest) = object["digest"]
        else { throw StoredCaseError.damaged("protocol-adopted event") }
        return AdoptedProtocols.Adopted(rules: try InstitutionProtocol(json: rules), digest: digest)
    }

    package init(ledger: Ledger, protocols: AdoptedProtocols) {
        self.ledger = ledger
        self.protocols = protocols
    }
}
