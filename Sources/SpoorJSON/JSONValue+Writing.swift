import Foundation

/// Writes ``JSONValue`` as compact JSON with keys sorted, the form every line on the wire takes.
extension JSONValue {
    /// The value as JSON text: compact, keys in byte order, `/` unescaped.
    public var serialized: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return output
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): Self.write(number, to: &output)
        case .string(let text): Self.write(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { Self.precedes($0.key, $1.key) }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.write(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Whole numbers below 10^15 as integers, written digit by digit; others as Swift prints them.
    static func write(_ number: Double, to output: inout [UInt8]) {
        guard number.rounded() == number && abs(number) < 1e15 else {
            output.append(contentsOf: "\(number)".utf8)
            return
        }
        var integer = Int64(number)
        if integer < 0 { output.append(UInt8(ascii: "-")) }
        integer = abs(integer)
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(integer % 10))
            integer /= 10
        } while integer > 0
        output[start...].reverse()
    }

    /// Whether `a` sorts before `b` byte by byte in UTF-8: the key order of every line we write.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b in
                let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                return common != 0 ? common < 0 : a.count < b.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Scans the string's bytes as one buffer: through its UTF-8 view, byte by byte, the scan was a
    /// sixth of writing a reply line (BENCHMARKS.md, session 21).
    static func write(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { write($0, to: &output) }
    }

    private static func write(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if !text.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: text)
        } else {
            for byte in text {
                switch byte {
                case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20: output += Array(String(format: byte).utf8)
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

private extension String {
    /// `\u00XX` for a control character.
    init(format byte: UInt8) {
        let hex = String(byte, radix: 16)
        self = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
