/// Appends big-endian integers and length-prefixed fields to a byte buffer.
package struct ByteWriter {
    package private(set) var bytes: [UInt8]

    package init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    package mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func write(raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// A string with a 16-bit length; callers have checked that it fits.
    package mutating func write(short string: String) {
        write(UInt16(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// Bytes with a 32-bit length.
    package mutating func write(long data: [UInt8]) {
        write(UInt32(data.count))
        bytes.append(contentsOf: data)
    }

    /// A presence flag, then the fixed-size bytes when present.
    package mutating func write(optional data: [UInt8]?) {
        write(UInt8(data == nil ? 0 : 1))
        if let data { bytes.append(contentsOf: data) }
    }
}

extension UInt64 {
    /// The 8-byte big-endian form, which sorts like the number: the key of positions and versions.
    package var bigEndianBytes: [UInt8] { withUnsafeBytes(of: bigEndian) { Array($0) } }

    package init?(bigEndianBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 8 else { return nil }
        self = UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
    }
}
