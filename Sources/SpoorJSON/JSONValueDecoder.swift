/// Decodes `Decodable` values straight from a parsed ``JSONValue``, and strictly: a key that the
/// type never asked for is an error naming it, where Foundation's `JSONDecoder` would drop it
/// silently (a misspelt `reportedBy` must fail loudly, not record a signal without its reporter).
///
/// Errors are `DecodingError`s with the coding path, and ``UnknownKey`` for a key too many.
public struct JSONValueDecoder {
    /// A key of an object that the type it decoded to does not have.
    public struct UnknownKey: Error, Equatable, CustomStringConvertible {
        /// The key's path, dotted: `youth.shoeSize`, `signals.0.colour`.
        public let path: String
        /// The type that has no such field.
        public let typeName: String
        /// The fields the type has, as far as its decoding asked for them: for a near miss.
        public let fields: [String]

        /// An unknown key at `path` of `typeName`, whose fields are `fields`.
        public init(path: String, typeName: String, fields: [String] = []) {
            self.path = path
            self.typeName = typeName
            self.fields = fields
        }

        /// The key's last part: what was typed.
        public var key: String { String(path.split(separator: ".").last ?? "") }

        /// The error in words: the path and the type that has no such field.
        public var description: String { "\(path) is not a field of \(typeName)" }
    }

    /// A decoder; it keeps no state between decodings.
    public init() {}

    /// `value` decoded as `type`, strictly: a key the type never asked for throws ``UnknownKey``.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let tracker = KeyTracker(recordingAbsent: false)
        let decoded = try T(from: ValueDecoder(value: value, codingPath: [], tracker: tracker, type: T.self))
        do {
            try tracker.checkEveryKeyWasRead()
        } catch {
            // Decoded again, noting the fields the type asked for that the value lacks, only to
            // suggest the near miss: noting them on every decoding was 2 % of a rebuild's CPU.
            let recording = KeyTracker(recordingAbsent: true)
            _ = try T(from: ValueDecoder(value: value, codingPath: [], tracker: recording, type: T.self))
            try recording.checkEveryKeyWasRead()
            throw error
        }
        return decoded
    }
}

/// Remembers which keys of each object a decoding read. Each keyed container marks its own
/// object's entry; entries for one path (an object opened twice) are merged only when an entry
/// alone has not read all its keys.
private final class KeyTracker {
    final class Entry {
        let path: [any CodingKey]
        let type: Any.Type
        let keys: Dictionary<String, JSONValue>.Keys
        /// The object's keys read, each once: objects are small, and a key's reads come one after
        /// another (`contains`, `decodeNil`, `decode`), so a list beats hashing every key again.
        private(set) var read: [String] = []
        /// The keys the type asked for that the object lacks: with `read`, the fields it has, for
        /// the near miss of an unknown key. Kept only for an object that has keys to read.
        private(set) var absent: [String] = []

        /// Whether to note `absent`: only when a decoding failed and is done again to say why.
        private let recordingAbsent: Bool

        init(path: [any CodingKey], type: Any.Type, keys: Dictionary<String, JSONValue>.Keys, recordingAbsent: Bool) {
            (self.path, self.type, self.keys, self.recordingAbsent) = (path, type, keys, recordingAbsent)
        }

        func markRead(_ key: String) {
            guard read.last != key && !read.contains(key) else { return }
            if read.isEmpty { read.reserveCapacity(keys.count) }
            read.append(key)
        }

        func markAbsent(_ key: String) { if recordingAbsent && !keys.isEmpty && !absent.contains(key) { absent.append(key) } }

        var hasReadEveryKey: Bool { read.count == keys.count }
    }

    private var entries: [Entry] = []
    private let recordingAbsent: Bool

    init(recordingAbsent: Bool) { self.recordingAbsent = recordingAbsent }

    func opened(_ object: [String: JSONValue], at path: [any CodingKey], as type: Any.Type) -> Entry {
        let entry = Entry(path: path, type: type, keys: object.keys, recordingAbsent: recordingAbsent)
        if !object.isEmpty { entries.append(entry) }
        return entry
    }

    func checkEveryKeyWasRead() throws {
        guard !entries.allSatisfy(\.hasReadEveryKey) else { return }
        var read: [String: Set<String>] = [:], fields: [String: Set<String>] = [:]
        for entry in entries {
            read[Self.id(entry.path), default: []].formUnion(entry.read)
            fields[Self.id(entry.path), default: []].formUnion(entry.read + entry.absent)
        }
        // The shallowest first, so that an unknown object reports itself rather than its insides.
        for entry in entries.sorted(by: { ($0.path.count, Self.id($0.path)) < ($1.path.count, Self.id($1.path)) }) {
            let seen = read[Self.id(entry.path)] ?? []
            if let unknown = entry.keys.filter({ !seen.contains($0) }).sorted().first {
                throw JSONValueDecoder.UnknownKey(
                    path: (entry.path.map(\.stringValue) + [unknown]).joined(separator: "."), typeName: "\(entry.type)",
                    fields: (fields[Self.id(entry.path)] ?? []).sorted())
            }
        }
    }

    private static func id(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: "\u{0}") }
}

struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(_ string: String) { (stringValue, intValue) = (string, nil) }
    init(index: Int) { (stringValue, intValue) = (String(index), index) }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    /// The type being decoded, for naming it when a key is unknown; `nil`: the container's key type.
    var type: Any.Type?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        let entry = tracker.opened(object, at: codingPath, as: self.type ?? Key.self)
        return KeyedDecodingContainer(Keyed<Key>(object: object, codingPath: codingPath, tracker: tracker, entry: entry))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return Unkeyed(elements: elements, codingPath: codingPath, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    /// Decodes `T` from `value`, the primitives directly and anything else through its `init(from:)`.
    /// The path is built only when needed: for a nested container or an error. Compares types
    /// before casting, as the encoder does.
    static func decode<T: Decodable>(
        _ type: T.Type, _ value: JSONValue, at path: @autoclosure () -> [any CodingKey],
        tracker: KeyTracker
    ) throws -> T {
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(String.self): if case .string(let string) = value { return string as! T }
        case ObjectIdentifier(Bool.self): if case .bool(let flag) = value { return flag as! T }
        case ObjectIdentifier(Double.self): if case .number(let number) = value { return number as! T }
        case ObjectIdentifier(Float.self): if case .number(let number) = value { return Float(number) as! T }
        case ObjectIdentifier(JSONValue.self): return value as! T  // open by design: nothing in it is checked
        case ObjectIdentifier(Int.self), ObjectIdentifier(Int64.self), ObjectIdentifier(Int32.self), ObjectIdentifier(Int16.self),
            ObjectIdentifier(Int8.self), ObjectIdentifier(UInt.self), ObjectIdentifier(UInt64.self), ObjectIdentifier(UInt32.self),
            ObjectIdentifier(UInt16.self), ObjectIdentifier(UInt8.self):
            guard case .number(let number) = value else { break }
            guard let exact = (type as! any FixedWidthInteger.Type).init(exactly: number) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "\(number) is not a \(type)"))
            }
            return exact as! T
        default:
            if case .string(let string) = value, let named = type as? any JSONString.Type, let decoded = named.init(jsonString: string) {
                return decoded as! T
            }
            do {
                return try T(from: ValueDecoder(value: value, codingPath: path(), tracker: tracker, type: T.self))
            } catch {
                // Only a value that does not decode is asked whether it is one of its type's names:
                // the cast and the list of names, made for every value, cost an open-case 2 % of its CPU.
                if let named = type as? any NamedValues.Type, case .string(let string) = value, !named.names.contains(string) {
                    throw JSONValueDecoder.UnknownValue(path: path().map(\.stringValue).joined(separator: "."), value: string, names: named.names)
                }
                throw error
            }
        }
        if value == .null {
            throw DecodingError.valueNotFound(type, .init(codingPath: path(), debugDescription: "null where a \(type) belongs"))
        }
        throw mismatch(type, value, path())
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \(value.kind)"))
}

extension JSONValue {
    /// The JSON kind, for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: [String: JSONValue]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    let entry: KeyTracker.Entry

    var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool {
        guard object[key.stringValue] != nil else {
            entry.markAbsent(key.stringValue)
            return false
        }
        entry.markRead(key.stringValue)
        return true
    }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = object[key.stringValue] else {
            entry.markAbsent(key.stringValue)
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "\(key.stringValue) is missing"))
        }
        entry.markRead(key.stringValue)
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueDecoder.decode(type, try value(key), at: codingPath + [key], tracker: tracker)
    }

    /// One lookup where the protocol's default asks three times (`contains`, `decodeNil`, `decode`):
    /// every optional field of every command and every event of a rebuild comes through here.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = object[key.stringValue] else {
            entry.markAbsent(key.stringValue)
            return nil
        }
        entry.markRead(key.stringValue)
        if value == .null { return nil }
        return try ValueDecoder.decode(type, value, at: codingPath + [key], tracker: tracker)
    }

    // Synthesized decoding calls these overloads for optional primitives, not the generic one.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type as String.Type?, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type as Bool.Type?, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type as Int.Type?, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type as Double.Type?, key) }

    private func decodeIfPresent<T: Decodable>(_ type: T.Type?, _ key: Key) throws -> T? { try decodeIfPresent(T.self, forKey: key) }

    // The primitives straight from the value, without the generic path's type tests: most fields are strings.
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        if case .string(let string) = try value(key) { return string }
        return try decode(type as any Decodable.Type, key) as! String
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        if case .bool(let flag) = try value(key) { return flag }
        return try decode(type as any Decodable.Type, key) as! Bool
    }

    /// An age, a count: the generic path's cast to `FixedWidthInteger` was 4 % of a rebuild's CPU.
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        if case .number(let number) = try value(key), let exact = Int(exactly: number) { return exact }
        return try decode(type as any Decodable.Type, key) as! Int
    }

    /// The generic path, for its error.
    private func decode(_ type: any Decodable.Type, _ key: Key) throws -> any Decodable {
        try ValueDecoder.decode(type, try value(key), at: codingPath + [key], tracker: tracker)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try value(key), codingPath: codingPath + [key], tracker: tracker).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try value(key), codingPath: codingPath + [key], tracker: tracker).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: try value(key), codingPath: codingPath + [key], tracker: tracker)
    }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], tracker: KeyTracker) {
        (self.elements, self.codingPath, self.tracker) = (elements, codingPath, tracker)
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element and its coding path.
    private mutating func next() throws -> (JSONValue, [any CodingKey]) {
        let path = codingPath + [AnyKey(index: currentIndex)]
        return (try nextValue(), path)
    }

    private mutating func nextValue() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self, .init(codingPath: codingPath, debugDescription: "the array has only \(elements.count) elements"))
        }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let index = currentIndex  // the path is built only when needed
        return try ValueDecoder.decode(type, try nextValue(), at: codingPath + [AnyKey(index: index)], tracker: tracker)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next()
        return try ValueDecoder(value: value, codingPath: path, tracker: tracker).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try ValueDecoder(value: value, codingPath: path, tracker: tracker).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return ValueDecoder(value: value, codingPath: path, tracker: tracker)
    }
}

private struct Single: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ValueDecoder.decode(type, decoder.value, at: decoder.codingPath, tracker: decoder.tracker)
    }

    /// A day, a name of an enumeration: read straight, where the generic path casts.
    func decode(_ type: String.Type) throws -> String {
        if case .string(let string) = decoder.value { return string }
        return try ValueDecoder.decode(type, decoder.value, at: decoder.codingPath, tracker: decoder.tracker)
    }
}
