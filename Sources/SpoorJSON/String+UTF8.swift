extension String {
    /// The text in `bytes` when they are valid UTF-8, or `nil`. ASCII, the common case, is read
    /// without the standard library's generic validation, which looks up type metadata on every
    /// call: reading ASCII directly took 14 % off parsing a request and 28 % off reading a case
    /// back from its binary form (BENCHMARKS.md, session 9).
    public init?(validUTF8 bytes: ArraySlice<UInt8>) {
        let text: String? = bytes.withUnsafeBufferPointer { buffer in
            guard buffer.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let text = text ?? String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
