import SpoorJSON
import Testing

@Suite("Strings from bytes: valid UTF-8 only")
struct UTF8Tests {
    @Test("ASCII and valid multi-byte text read back as written")
    func valid() {
        for text in ["", "signal-12", "Zoë van Dijk", "Łódź", "名前", "🙂 seen at the station"] {
            let bytes = Array(text.utf8)
            #expect(String(validUTF8: bytes[...]) == text)
            #expect(String(validUTF8: ([0x41] + bytes + [0x42])[1..<bytes.count + 1]) == text)  // a slice not at 0
        }
    }

    @Test(
        "invalid UTF-8 is refused, never repaired",
        arguments: [
            [0xFF], [0x41, 0x80], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        ] as [[UInt8]])
    func invalid(_ bytes: [UInt8]) {
        #expect(String(validUTF8: bytes[...]) == nil)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]) }
    }
}
