/// Reads what ``ByteWriter`` wrote, throwing on truncation instead of reading past the end.
package struct ByteReader {
    package struct Truncated: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func read<T: FixedWidthInteger>(_: T.Type) throws(Truncated) -> T {
        let raw = try take(MemoryLayout<T>.size)
        return T(bigEndian: raw.loadUnaligned(as: T.self))
    }

    /// The next byte, without reading past it.
    package func peek() throws(Truncated) -> UInt8 {
        guard offset < bytes.count else { throw Truncated() }
        return bytes[offset]
    }

    package mutating func take(_ count: Int) throws(Truncated) -> UnsafeRawBufferPointer {
        guard count >= 0, bytes.count - offset >= count else { throw Truncated() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    package mutating func readShortString() throws(Truncated) -> String {
        let count = Int(try read(UInt16.self))
        return String(decoding: try take(count), as: UTF8.self)
    }

    package mutating func readLongBytes() throws(Truncated) -> [UInt8] {
        let count = Int(try read(UInt32.self))
        return Array(try take(count))
    }

    /// A presence flag, then `count` bytes when present.
    package mutating func readOptional(_ count: Int) throws(Truncated) -> UnsafeRawBufferPointer? {
        try read(UInt8.self) == 0 ? nil : try take(count)
    }
}
