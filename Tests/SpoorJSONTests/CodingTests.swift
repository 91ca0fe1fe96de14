import Foundation
import SpoorJSON
import Testing

struct Profile: Codable, Equatable {
    enum Gender: String, Codable { case female, male }
    var gender: Gender
    var age: Int
}

struct Record: Codable, Equatable {
    enum State: Codable, Equatable { case open, closed(on: String) }
    var name: String
    var note: String?
    var score: Double
    var count: UInt16
    var flags: [Bool]
    var profile: Profile
    var profiles: [Profile]
    var byID: [String: Profile]
    var state: State
    var extra: JSONValue?
}

@Suite("Codable straight to and from JSONValue")
struct CodingTests {
    static let record = Record(
        name: "Zoë", note: nil, score: 2.5, count: 7, flags: [true, false], profile: .init(gender: .female, age: 15),
        profiles: [.init(gender: .male, age: 12)], byID: ["a": .init(gender: .female, age: 16)], state: .closed(on: "2026-11-29"),
        extra: ["anything": [1, "goes"]])

    @Test("the encoder writes what Foundation's JSONEncoder writes, and the decoder reads it back")
    func agreesWithFoundation() throws {
        let ours = try JSONValueEncoder().encode(Self.record)
        #expect(ours == (try JSONValue.parse(try JSONEncoder().encode(Self.record))))
        #expect(ours["note"] == nil)  // a nil optional is left out
        #expect(try JSONValueDecoder().decode(Record.self, from: ours) == Self.record)
    }

    @Test("every standard integer type goes through as a number and back")
    func integers() throws {
        struct Widths: Codable, Equatable {
            var a: Int8, b: UInt8, c: Int16, d: UInt16, e: Int32, f: UInt32, g: Int64, h: UInt64, i: Int, j: UInt, k: Float
        }
        let widths = Widths(a: -8, b: 8, c: -16, d: 16, e: -32, f: 32, g: -64, h: 64, i: -1, j: 1, k: 0.5)
        let encoded = try JSONValueEncoder().encode(widths)
        #expect(encoded == ["a": -8, "b": 8, "c": -16, "d": 16, "e": -32, "f": 32, "g": -64, "h": 64, "i": -1, "j": 1, "k": 0.5])
        #expect(try JSONValueDecoder().decode(Widths.self, from: encoded) == widths)
        var negative = try #require(encoded.object)
        negative["b"] = -1  // not a UInt8
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Widths.self, from: .object(negative)) }
    }

    @Test("a key the type does not have is refused with its path, at any depth")
    func unknownKeys() throws {
        let valid = try JSONValueEncoder().encode(Self.record)
        func refusal(_ change: (inout [String: JSONValue]) -> Void) -> String? {
            var object = valid.object!
            change(&object)
            do {
                _ = try JSONValueDecoder().decode(Record.self, from: .object(object))
                return nil
            } catch let unknown as JSONValueDecoder.UnknownKey {
                return unknown.path
            } catch {
                return "other: \(error)"
            }
        }
        #expect(refusal { $0["shoeSize"] = 42 } == "shoeSize")
        // The near miss names every field, the optional one left out too (`note`: asked for, absent).
        #expect(
            throws: JSONValueDecoder.UnknownKey(
                path: "shoeSize", typeName: "Record",
                fields: ["byID", "count", "extra", "flags", "name", "note", "profile", "profiles", "score", "state"])
        ) { try JSONValueDecoder().decode(Record.self, from: .object(valid.object!.merging(["shoeSize": 42]) { $1 })) }
        #expect(throws: JSONValueDecoder.UnknownKey(path: "profile.shoeSize", typeName: "Profile", fields: ["age", "gender"])) {
            try JSONValueDecoder().decode(
                Record.self, from: .object(valid.object!.merging(["profile": ["gender": "female", "age": 15, "shoeSize": 42]]) { $1 }))
        }
        #expect(refusal { $0["profile"] = ["gender": "female", "age": 15, "shoeSize": 42] } == "profile.shoeSize")
        #expect(refusal { $0["profiles"] = [["gender": "male", "age": 12, "x": 1]] } == "profiles.0.x")
        #expect(refusal { $0["state"] = ["closed": ["on": "2026-11-29", "by": "x"]] } == "state.closed.by")
        #expect(refusal { $0["extra"] = ["free": ["form": true]] } == nil)  // a JSONValue field is open by design
        #expect(refusal { $0["note"] = "present" } == nil)
    }

    @Test("missing keys, wrong types, inexact integers and nulls are DecodingErrors with the path")
    func badValues() throws {
        let valid = try JSONValueEncoder().encode(Self.record).object!
        func error(_ change: (inout [String: JSONValue]) -> Void) -> DecodingError? {
            var object = valid
            change(&object)
            do {
                _ = try JSONValueDecoder().decode(Record.self, from: .object(object))
                return nil
            } catch let error as DecodingError {
                return error
            } catch {
                return nil
            }
        }
        guard case .keyNotFound(let key, _)? = error({ $0["name"] = nil }) else { Issue.record("a missing key"); return }
        #expect(key.stringValue == "name")
        guard case .typeMismatch(_, let context)? = error({ $0["profile"] = ["gender": "female", "age": "15"] }) else {
            Issue.record("a string for an Int"); return
        }
        #expect(context.codingPath.map(\.stringValue) == ["profile", "age"])
        // The straight paths for an Int and for a single string (an enumeration's name) refuse as the generic one does.
        guard case .dataCorrupted? = error({ $0["profile"] = ["gender": "female", "age": 15.5] }) else {
            Issue.record("a fraction for an Int"); return
        }
        guard case .dataCorrupted? = error({ $0["profile"] = ["gender": "female", "age": 1e20] }) else { Issue.record("too large an Int"); return }
        guard case .typeMismatch(_, let named)? = error({ $0["profile"] = ["gender": 3, "age": 15] }) else {
            Issue.record("a number for a name"); return
        }
        #expect(named.codingPath.map(\.stringValue) == ["profile", "gender"])
        guard case .dataCorrupted? = error({ $0["count"] = 70_000 }) else { Issue.record("an integer out of range"); return }
        guard case .dataCorrupted? = error({ $0["count"] = 1.5 }) else { Issue.record("a fraction for an integer"); return }
        guard
            case .valueNotFound? = error({
                $0["name"] = nil; $0["name"] = .null
            })
        else { Issue.record("null for a String"); return }
        guard case .dataCorrupted? = error({ $0["profile"] = ["gender": "other", "age": 15] }) else { Issue.record("an unknown enum case"); return }
        #expect(error { $0["note"] = .null } == nil)  // null is nil for an optional
        // The straight paths for strings and optionals refuse what the generic one refuses, with the path.
        for (key, value) in [("note", 5), ("name", true)] as [(String, JSONValue)] {
            guard case .typeMismatch(_, let context)? = error({ $0[key] = value }) else { Issue.record("\(value) for \(key)"); continue }
            #expect(context.codingPath.map(\.stringValue) == [key])
        }
        struct Flags: Decodable, Equatable { var on: Bool, off: Bool? }
        #expect(try JSONValueDecoder().decode(Flags.self, from: ["on": true]) == Flags(on: true, off: nil))
        #expect(try JSONValueDecoder().decode(Flags.self, from: ["on": false, "off": true]) == Flags(on: false, off: true))
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Flags.self, from: ["on": "yes"]) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Flags.self, from: ["on": true, "off": 1]) }
    }
}
