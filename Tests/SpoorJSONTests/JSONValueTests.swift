import Foundation
import SpoorJSON
import Testing

@Suite("The wire's JSON parser and writer")
struct JSONValueTests {
    @Test("what the writer writes, the parser reads back, and Foundation agrees")
    func roundTrip() throws {
        let value: JSONValue = [
            "name": "Zoë \"Z\" \\ /\n\t\u{1}", "n": -12.5, "big": 1_234_567_890_123, "ok": true, "nothing": nil,
            "list": [1, "two", [3], ["four": 4]], "emoji": "🚸",
        ]
        let text = value.serialized
        #expect(try JSONValue.parse(text) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text)) == value)
        #expect(String(decoding: (["b": 1, "a": [true]] as JSONValue).serialized, as: UTF8.self) == #"{"a":[true],"b":1}"#)
    }

    @Test("keys in UTF-8 byte order, whole numbers as integers, strings escaped only where they must be")
    func writerForm() throws {
        let value: JSONValue = ["é": 1, "z": -1_234_567, "Z": 0, "zz": -0.0, "a": 999_999_999_999_999, "b": 1e15, "s": "plain, then \"quoted\"\n"]
        #expect(
            String(decoding: value.serialized, as: UTF8.self)
                == #"{"Z":0,"a":999999999999999,"b":1000000000000000.0,"s":"plain, then \"quoted\"\n","z":-1234567,"zz":0,"é":1}"#)
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test("every control character, a quote and a backslash are escaped, in small strings and long ones")
    func writerEscapes() throws {
        for length in [1, 40] {
            for byte in Array(0..<0x20) + [0x22, 0x5C] {
                let text = String(repeating: "a", count: length) + String(decoding: [UInt8(byte)], as: UTF8.self) + "é"
                let written = JSONValue.string(text).serialized
                #expect(!written.dropFirst().dropLast().contains { $0 < 0x20 }, "byte \(byte) written raw")
                #expect(try JSONValue.parse(written) == .string(text), "byte \(byte)")
            }
        }
        #expect(String(decoding: JSONValue.string("\u{1}\t\\").serialized, as: UTF8.self) == #""\u0001\t\\""#)
    }

    @Test("escapes, surrogate pairs and numbers as RFC 8259 has them")
    func escapes() throws {
        #expect(try JSONValue.parse(Array(#"["\u00e9\ud83d\ude00\/\b\f\r",1e3,-0.5,0]"#.utf8)) == ["é😀/\u{8}\u{c}\r", 1000, -0.5, 0])
        #expect(try JSONValue.parse(Array("  {\"a\" : [ ] }\n".utf8)) == ["a": []])
        #expect(try JSONValue.parse(Array(#""\u00E9\u00e9""#.utf8)) == "éé")
        for signed in [#""\u+041""#, #""\u-041""#, #""\u 041""#, #""\u00g1""#] {  // four hex digits, nothing else
            #expect(throws: (any Error).self, "\(signed)") { try JSONValue.parse(Array(signed.utf8)) }
        }
    }

    @Test(
        "malformed JSON is refused with the offset of the fault",
        arguments: [
            #"{"a":1,}"#, "[1,]", "01", #"{"a":1,"a":2}"#, "\"tab\there\"", #""\ud800""#, "[1", #"{"a" 1}"#, "tru", "1 2",
            #""\x""#, "-", "1.", "1e", String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "",
        ])
    func refusesMalformed(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
