import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// A case id checked once, where it comes in (a request, an index of the store), with the name of
/// its stream: what the write path takes, so that it checks nothing again.
struct CheckedCase: Sendable {
    let id: String
    let stream: StreamName

    init(_ id: String) throws(DomainError) {
        (self.id, stream) = (id, try CaseStream.name(of: id))
    }
}

/// How cases live in the log: one stream `case-<id>` per case, events as the domain's JSON.
enum CaseStream {
    static let prefix = "case-"

    /// The stream of case `id`; ids are 1 to 64 of `a-z 0-9 . _ -`, starting with a letter or digit.
    static func name(of id: String) throws(DomainError) -> StreamName {
        // Bytes, not Characters: every command and every event of a rebuild comes through here.
        let bytes = id.utf8
        guard (1...64).contains(bytes.count), bytes.allSatisfy(isAllowed), let first = bytes.first, isLetterOrDigit(first),
            let name = try? StreamName(prefix + id)
        else { throw .invalidField("case", "\"\(id)\" is not a case id: use 1 to 64 of a-z, 0-9, '.', '_' and '-'") }
        return name
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// The case id of `stream`, or `nil` when it is not a case stream.
    static func caseID(of stream: StreamName) -> String? {
        stream.rawValue.hasPrefix(prefix) ? String(stream.rawValue.dropFirst(prefix.count)) : nil
    }

    /// Every event of `stream`, in stream order, read a page at a time.
    static func events(of stream: StreamName, in ledger: Ledger) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        while true {
            let page = try ledger.read(stream: stream, from: events.last.map { $0.streamVersion + 1 } ?? 0, limit: 1_024)
            events += page
            if page.count < 1_024 { return events }
        }
    }

    /// The payload's key for the version of the protocol an event was decided under.
    static let protocolKey = "protocol"

    /// The payload as stored: the event's fields and the protocol version it was decided under.
    static func stamped(_ payload: JSONValue, protocolVersion: Int) -> JSONValue {
        guard case .object(var object) = payload else { return payload }
        object[protocolKey] = .number(Double(protocolVersion))
        return .object(object)
    }

    /// A stored case event as the domain sees it, with its personal content when given, and the
    /// protocol it names (`rules(nil)`: events from before protocols were versioned).
    static func record(
        of event: RecordedEvent, personal: JSONValue? = nil,
        rules: (Int?) -> InstitutionProtocol?
    ) throws(DomainError) -> CaseEventRecord {
        guard case .object(var stored) = try? JSONValue.parse(event.payload) else {
            throw .invalidField("payload", "event \(event.position) is not a JSON object")
        }
        var version: Int?
        if let stamp = stored.removeValue(forKey: protocolKey) {
            guard case .number(let number) = stamp, let exact = Int(exactly: number) else {
                throw .invalidField(protocolKey, "event \(event.position) names no protocol version")
            }
            version = exact
        }
        guard let protocolRules = rules(version) else {
            throw .invalidField(protocolKey, "event \(event.position) names protocol version \(version ?? 0), which this store never adopted")
        }
        let domainEvent = try CaseEvent(
            type: event.type, schemaVersion: event.schemaVersion, payload: PersonalContent.merge(.object(stored), personal))
        return CaseEventRecord(
            event: domainEvent, actor: event.actor.name, role: Role(rawValue: event.role) ?? .admin,
            position: event.position, recordedOn: Day(event.recordedAt), rules: protocolRules)
    }
}
