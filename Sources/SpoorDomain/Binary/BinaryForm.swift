// The domain's one binary form, for what the daemon stores of a case (its state and its digest)
// and rewrites on every command: strings are length-prefixed UTF-8, enums their raw values,
// numbers LEB128 varints (zigzag when signed), optionals and booleans a byte. Counts are checked
// against the bytes left, so damaged bytes are refused, never trusted.

import SpoorJSON

/// Why stored bytes are not a value of the binary form.
public struct BinaryFormError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A value written field by field into the binary form.
protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryFormError)
}

extension BinaryCodable {
    /// The value's bytes in the binary form.
    func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// The value the bytes hold, all of them.
    init(decoding bytes: some Collection<UInt8>) throws(BinaryFormError) {
        var reader = BinaryReader(Array(bytes))
        self = try Self(from: &reader)
        guard reader.isAtEnd else { throw BinaryFormError("\(reader.remaining) bytes after the \(Self.self)") }
    }
}

struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value << 1 ^ value >> 63))) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func write(_ value: Day) { write(value.ordinal) }

    mutating func write(_ value: String) {
        write(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func write<T: RawRepresentable<String>>(_ value: T) { write(value.rawValue) }
    mutating func write<T: BinaryCodable>(_ value: T) { value.write(to: &self) }

    /// Bytes as they are, length-prefixed.
    mutating func write(bytes value: [UInt8]) {
        write(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func write<T>(_ value: T?, _ element: (inout BinaryWriter, T) -> Void) {
        write(value != nil)
        if let value { element(&self, value) }
    }

    mutating func write<T>(_ values: [T], _ element: (inout BinaryWriter, T) -> Void) {
        write(UInt64(values.count))
        for value in values { element(&self, value) }
    }

    mutating func write(_ values: [String]) { write(values) { $0.write($1) } }
    mutating func write(_ value: String?) { write(value) { $0.write($1) } }
    mutating func write(_ value: Bool?) { write(value) { $0.write($1) } }
    mutating func write(_ value: Int?) { write(value) { $0.write($1) } }
    mutating func write(_ value: Day?) { write(value) { $0.write($1) } }
    mutating func write<T: RawRepresentable<String>>(_ values: [T]) { write(values) { $0.write($1) } }
    mutating func write<T: BinaryCodable>(_ values: [T]) { write(values) { $0.write($1) } }
    mutating func write<T: BinaryCodable>(_ value: T?) { write(value) { $0.write($1) } }
    mutating func write<T: RawRepresentable<String>>(_ value: T?) { write(value) { $0.write($1) } }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }
    var remaining: Int { bytes.count - index }

    mutating func read() throws(BinaryFormError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard index < bytes.count else { throw BinaryFormError("the bytes end inside a number") }
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
        }
        throw BinaryFormError("a number runs past 64 bits")
    }

    mutating func read() throws(BinaryFormError) -> Int {
        let zigzag: UInt64 = try read()
        return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    mutating func read() throws(BinaryFormError) -> Bool {
        guard index < bytes.count, bytes[index] <= 1 else { throw BinaryFormError("expected a boolean at byte \(index)") }
        defer { index += 1 }
        return bytes[index] == 1
    }

    mutating func read() throws(BinaryFormError) -> Day { Day(ordinal: try read()) }

    /// A count of bytes or elements, each at least a byte: no more than the bytes left.
    private mutating func count() throws(BinaryFormError) -> Int {
        let count: UInt64 = try read()
        guard count <= UInt64(remaining) else { throw BinaryFormError("a count of \(count) at byte \(index) runs past the end") }
        return Int(count)
    }

    mutating func read() throws(BinaryFormError) -> String {
        let count = try count()
        guard let text = String(validUTF8: bytes[index..<index + count]) else {
            throw BinaryFormError("expected a string at byte \(index)")
        }
        index += count
        return text
    }

    mutating func readBytes() throws(BinaryFormError) -> [UInt8] {
        let count = try count()
        defer { index += count }
        return Array(bytes[index..<index + count])
    }

    mutating func read<T: RawRepresentable<String>>() throws(BinaryFormError) -> T {
        let raw: String = try read()
        guard let value = T(rawValue: raw) else { throw BinaryFormError("\"\(raw)\" is not a \(T.self)") }
        return value
    }

    mutating func read<T: BinaryCodable>() throws(BinaryFormError) -> T { try T(from: &self) }

    mutating func read<T>(_ element: (inout BinaryReader) throws(BinaryFormError) -> T) throws(BinaryFormError) -> T? {
        try read() ? try element(&self) : nil
    }

    mutating func read<T>(_ element: (inout BinaryReader) throws(BinaryFormError) -> T) throws(BinaryFormError) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    mutating func read() throws(BinaryFormError) -> [String] { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read() throws(BinaryFormError) -> String? { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read() throws(BinaryFormError) -> Bool? { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read() throws(BinaryFormError) -> Int? { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read() throws(BinaryFormError) -> Day? { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read<T: RawRepresentable<String>>() throws(BinaryFormError) -> [T] {
        try read { reader throws(BinaryFormError) in try reader.read() }
    }
    mutating func read<T: BinaryCodable>() throws(BinaryFormError) -> [T] { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read<T: BinaryCodable>() throws(BinaryFormError) -> T? { try read { reader throws(BinaryFormError) in try reader.read() } }
    mutating func read<T: RawRepresentable<String>>() throws(BinaryFormError) -> T? {
        try read { reader throws(BinaryFormError) in try reader.read() }
    }
}
