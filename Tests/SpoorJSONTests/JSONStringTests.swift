import Foundation
import SpoorJSON
import Testing

/// A name of a fixed set, as the domain's enumerations are.
private enum Colour: String, Codable, CaseIterable, NamedValues { case red, dark = "dark-blue" }

/// A string-valued type with its own `init(from:)` that refuses what its `init?(jsonString:)` refuses.
private struct Code: JSONString, Equatable {
    let text: String
    init(text: String) { self.text = text }
    init?(jsonString string: String) {
        guard string.count == 3 else { return nil }
        text = string
    }
    var jsonString: String { text }
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let code = Code(jsonString: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(string) is not three letters")
        }
        self = code
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

private struct Palette: Codable, Equatable {
    var main: Colour
    var others: [Colour]
    var spare: Colour?
    var code: Code
    var nested: [String: Colour]
}

@Suite("Names and days read and written straight, as their Codable forms write them")
struct JSONStringTests {
    private static let palette = Palette(main: .dark, others: [.red, .dark], spare: nil, code: Code(text: "abc"), nested: ["a": .red])

    @Test("the straight path writes what Foundation's JSONEncoder writes through each type's encode(to:), and reads it back")
    func agreesWithFoundation() throws {
        let ours = try JSONValueEncoder().encode(Self.palette)
        #expect(ours == (try JSONValue.parse(try JSONEncoder().encode(Self.palette))))
        #expect(ours["main"] == "dark-blue")
        #expect(try JSONValueDecoder().decode(Palette.self, from: ours) == Self.palette)
    }

    @Test("a name outside the set is still refused with its path and the names, in a list too")
    func unknownName() throws {
        var json = try JSONValueEncoder().encode(Self.palette)
        json = .object(json.object!.merging(["others": ["red", "blue"]]) { $1 })
        #expect {
            try JSONValueDecoder().decode(Palette.self, from: json)
        } throws: { error in
            guard let unknown = error as? JSONValueDecoder.UnknownValue else { return false }
            return (unknown.path, unknown.value, unknown.names) == ("others.1", "blue", ["red", "dark-blue"])
        }
    }

    @Test("a string the straight path refuses goes to the type's own init(from:), which says why")
    func refusedString() throws {
        var json = try JSONValueEncoder().encode(Self.palette)
        json = .object(json.object!.merging(["code": "abcd"]) { $1 })
        #expect {
            try JSONValueDecoder().decode(Palette.self, from: json)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription == "abcd is not three letters" && context.codingPath.map(\.stringValue) == ["code"]
        }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Palette.self, from: .object(json.object!.merging(["code": 7]) { $1 })) }
    }
}
