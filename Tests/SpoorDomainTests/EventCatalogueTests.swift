import SpoorTestSupport
import Foundation
import SpoorJSON
import Testing
@testable import SpoorDomain

@Suite("One catalogue of event kinds: names, schemas, days and personal content agree")
struct EventCatalogueTests {
    static func schema(of type: String) throws -> JSONValue {
        let url = SchemaTests.schemas.appendingPathComponent("events").appendingPathComponent("\(type).json")
        return try JSONValue.parse(Array(try Data(contentsOf: url)))
    }

    @Test("each kind has one schema file, and each schema file one kind")
    func kindsAndSchemaFilesMatch() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SchemaTests.schemas.appendingPathComponent("events").path)
            .filter { $0.hasSuffix(".json") && $0 != "defs.json" }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(EventKind.all.map(\.type)))
        #expect(Set(EventKind.all.map(\.type)).count == EventKind.all.count, "a type named twice")
        #expect(Set(EventKind.all.map(\.command)).count == EventKind.all.count, "a command named twice")
    }

    @Test("the day a kind names is a required date of its schema, and the event's day is that field's value")
    func theDayIsTheNamedField() throws {
        for event in try EveryEventType.harness().records.map(\.event) {
            let schema = try Self.schema(of: event.type)
            #expect(schema["required"]?.array?.contains(.string(event.kind.dayField)) == true, "\(event.type)")
            #expect(try event.payload()[event.kind.dayField] == .string(event.day.description), "\(event.type)")
        }
    }

    @Test("a kind carries personal content exactly where its schema has a `personal` part")
    func personalContentFollowsTheSchema() throws {
        for event in try EveryEventType.harness().records.map(\.event) {
            let schemaHasPersonal = try Self.schema(of: event.type)["properties"]?["personal"] != nil
            let carries = event.body is any CarriesPersonalContent
            #expect(carries == schemaHasPersonal, "\(event.type)")
            #expect(event.hasPersonalContent == (try event.payload()["personal"].map { $0 != .null } ?? false), "\(event.type)")
        }
    }

    @Test("a future day is refused once, naming the kind's own field, for every command")
    func aFutureDayIsRefusedByName() throws {
        let today = try Day(year: 2026, month: 11, day: 2)
        let decider = Decider()
        // A kind no role issues (the daemon's sealing of a registration) is never decided.
        for kind in EventKind.all where !kind.roles.isEmpty {
            let event = try EveryEventType.harness().records.map(\.event).first { $0.type == kind.type }!
            var json = try #require(try event.payload().object)
            json[kind.dayField] = .string(today.adding(days: 1).description)
            let command = CaseCommand(try CaseEvent(type: kind.type, schemaVersion: 1, payload: .object(json)))
            let role = kind.roles.sorted { $0.rawValue < $1.rawValue }.first!
            #expect(throws: DomainError.invalidField(kind.dayField, "\(today.adding(days: 1)) lies in the future"), "\(kind.type)") {
                try decider.decide(command, state: nil, context: .init(actor: "anna", role: role, today: today))
            }
        }
    }
}
