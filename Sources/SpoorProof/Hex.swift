extension Sequence<UInt8> {
    /// The bytes in lowercase hexadecimal, two digits each: a digest or a blind-index entry as
    /// text. Written out here because `String(format: "%02x")` went through Foundation's
    /// formatter once a byte: with the names' folding, a tenth of an open-case's CPU (issue 31).
    /// Written into the string's own storage: a rebuild makes one for each entry of the blind index.
    @inlinable public var hexString: String {
        let bytes = Array(self)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            for (at, byte) in bytes.enumerated() {
                text[2 * at] = hexDigit(byte >> 4)
                text[2 * at + 1] = hexDigit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }
}

@usableFromInline func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
