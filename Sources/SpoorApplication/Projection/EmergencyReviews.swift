import SpoorDomain
import SpoorJSON
import SpoorLedger
import SpoorProof

/// The emergency reads a privacy officer has still to review, kept in the projection beside the
/// cases under `emergency/<event id>`, written with the `emergency-access` event and again with its
/// `emergency-access-reviewed`, and folded again from those events on a rebuild.
enum EmergencyReviews {
    static let accessType = "emergency-access"
    static let reviewType = "emergency-access-reviewed"
    static let keyPrefix = Array("emergency/".utf8)

    struct Entry: Sendable {
        var event: EventID
        var caseID: String
        var actor: String
        var on: Day
        var reviewed: Bool
    }

    static func key(of event: EventID) -> [UInt8] { keyPrefix + Array(event.description.utf8) }

    static func record(_ entry: Entry) -> ProjectionRecord {
        let value: JSONValue = [
            "case": .string(entry.caseID), "actor": .string(entry.actor), "on": .string(entry.on.description),
            "reviewed": .bool(entry.reviewed),
        ]
        return ProjectionRecord(key: key(of: entry.event), value: value.serialized)
    }

    static func entry(key: [UInt8], value: [UInt8]) -> Entry? {
        guard let id = EventID(String(decoding: key.dropFirst(keyPrefix.count), as: UTF8.self)),
            let json = try? JSONValue.parse(value), let caseID = json["case"]?.string, let actor = json["actor"]?.string,
            let on = json["on"]?.string.flatMap({ try? Day(parsing: $0) }), case .bool(let reviewed)? = json["reviewed"]
        else { return nil }
        return Entry(event: id, caseID: caseID, actor: actor, on: on, reviewed: reviewed)
    }

    /// What an event of the `system` stream changes here, as a rebuild folds it; `entries` holds
    /// what earlier events of the same rebuild wrote, for a review to find its emergency.
    static func records(of event: RecordedEvent, entries: inout [EventID: Entry]) -> [ProjectionRecord] {
        guard let payload = try? JSONValue.parse(event.payload) else { return [] }
        switch event.type {
        case accessType:
            guard let caseID = payload["case"]?.string else { return [] }
            let entry = Entry(event: event.id, caseID: caseID, actor: event.actor.name, on: Day(event.recordedAt), reviewed: false)
            entries[event.id] = entry
            return [record(entry)]
        case reviewType:
            guard let id = payload["event"]?.string.flatMap(EventID.init), var entry = entries[id] else { return [] }
            entry.reviewed = true
            entries[id] = entry
            return [record(entry)]
        default:
            return []
        }
    }
}
