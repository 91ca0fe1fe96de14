import Foundation

/// The client-chosen identity of an event, which makes a retried append idempotent.
public struct EventID: Hashable, Sendable, CustomStringConvertible {
    /// The UUID the id is.
    public let uuid: UUID

    /// The id `uuid`.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// A new time-ordered id (UUIDv7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
    ///
    /// New ids sort after older ones, so the id index grows at its end like the log itself
    /// instead of dirtying a random page of it for every event.
    public init() {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(Date().timeIntervalSince1970 * 1_000)
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { bytes in  // in place: an id is made for every event
            bytes.storeBytes(of: (milliseconds << 16).bigEndian, as: UInt64.self)  // 6 bytes of milliseconds
            bytes.storeBytes(of: generator.next() as UInt64, toByteOffset: 6, as: UInt64.self)
            bytes.storeBytes(of: generator.next() as UInt16, toByteOffset: 14, as: UInt16.self)
            bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
            bytes[8] = 0x80 | (bytes[8] & 0x3F)  // variant 10
        }
        self.uuid = UUID(uuid: raw)
    }

    /// The id written as a UUID in text; `nil` when `text` is not one.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// The id as a lowercase UUID, `8-4-4-4-12` hex digits. Written out here: Foundation's
    /// `uuidString` formats through `snprintf`, and every sealed part's authenticated data is an
    /// event's id in text (3 % of a rebuild's CPU, BENCHMARKS.md session 23).
    public var description: String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var at = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    text[at] = hexDigit(byte >> 4)
                    text[at + 1] = hexDigit(byte & 0x0F)
                    at += 2
                }
                return at
            }
        }
    }

    /// The 16 bytes of the UUID, the form used in keys and in the canonical encoding.
    package var bytes: [UInt8] {
        withUnsafeBytes(of: uuid.uuid) { Array($0) }
    }

    package init(bytes: UnsafeRawBufferPointer) {
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(16))) }
        self.uuid = UUID(uuid: raw)
    }
}
