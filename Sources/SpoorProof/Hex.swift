extension Sequence<UInt8> {
    /// The bytes in lowercase hexadecimal, two digits each: a digest or a blind-index entry as
    /// text. Written out here because `String(format: "%02x")` went through Foundation's
    /// formatter once a byte: with the names' folding, a tenth of an open-case's CPU (issue 31).
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
