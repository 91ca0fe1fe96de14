import SpoorTestSupport
@testable import SpoorDomain

/// The whole state in one buffer, for the tests of the binary form: the head, then each part with
/// its name. The daemon stores the parts apart (`StoredCase.swift`).
extension CaseState {
    func binary() -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(bytes: headBinary())
        writer.write(parts) { writer, part in
            writer.write(UInt64(part.list.rawValue))
            writer.write(part.chunk)
            writer.write(bytes: binary(of: part))
        }
        return writer.bytes
    }

    init(binary bytes: some Collection<UInt8>) throws(BinaryFormError) {
        var reader = BinaryReader(Array(bytes))
        let head = try reader.readBytes()
        let parts: [(Part, [UInt8])] = try reader.read { reader throws(BinaryFormError) in
            let raw: UInt64 = try reader.read()
            guard let list = List(rawValue: UInt8(truncatingIfNeeded: raw)), raw <= UInt8.max else { throw BinaryFormError("\(raw) is not a list") }
            return (Part(list, chunk: try reader.read()), try reader.readBytes())
        }
        guard reader.isAtEnd else { throw BinaryFormError("\(reader.remaining) bytes after the state") }
        try self.init(head: head, parts: Dictionary(parts, uniquingKeysWith: { $1 }))
    }
}
