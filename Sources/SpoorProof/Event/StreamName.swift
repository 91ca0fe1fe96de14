/// The name of an event stream: `case-<id>` for a case, `system` for admin and security events.
///
/// Lowercase ASCII letters, digits and `-_.:`, starting with a letter, at most 128 bytes, so that a
/// name can never contain the separator byte of the stream index nor surprise a shell or a log.
public struct StreamName: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The longest name, in bytes.
    public static let maxLength = 128

    /// The name as written.
    public let rawValue: String

    /// The name `rawValue`, checked: throws ``InvalidStreamName`` saying why it is not one.
    public init(_ rawValue: String) throws(InvalidStreamName) {
        let bytes = Array(rawValue.utf8)
        guard !bytes.isEmpty else { throw InvalidStreamName(name: rawValue, reason: "it is empty") }
        guard bytes.count <= Self.maxLength else {
            throw InvalidStreamName(name: rawValue, reason: "it is longer than \(Self.maxLength) bytes")
        }
        guard bytes[0] >= UInt8(ascii: "a") && bytes[0] <= UInt8(ascii: "z") else {
            throw InvalidStreamName(name: rawValue, reason: "it must start with a lowercase letter a-z")
        }
        for byte in bytes where !Self.isAllowed(byte) {
            throw InvalidStreamName(name: rawValue, reason: "it may hold only a-z, 0-9 and - _ . :")
        }
        self.rawValue = rawValue
    }

    /// The stream of admin and security events.
    public static let system = try! StreamName("system")

    /// The name as written.
    public var description: String { rawValue }

    /// Orders names by their text, as the stream index does.
    public static func < (lhs: StreamName, rhs: StreamName) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): true
        default: false
        }
    }
}

/// Why a text is not a stream name.
public struct InvalidStreamName: Error, Equatable, CustomStringConvertible {
    /// The text that is not a stream name.
    public let name: String
    /// Why not.
    public let reason: String

    /// The refusal of `name`, for `reason`.
    public init(name: String, reason: String) { (self.name, self.reason) = (name, reason) }

    /// The refusal in words.
    public var description: String { "\"\(name)\" is not a stream name: \(reason)" }
}
