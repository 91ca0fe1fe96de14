/// Encodes `Encodable` values straight into a ``JSONValue``, without writing and parsing text:
/// the value is then split, sealed or sent as it is. `nil` optionals are left out, as the
/// synthesised `encode(to:)` asks; integers and floating-point numbers become numbers.
public struct JSONValueEncoder {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        try ValueEncoder.encode(value, at: [])
    }
}

/// What an encoder has been given so far: nothing yet, one value, or a container being filled.
private final class Slot {
    enum Content {
        case empty
        case value(JSONValue)
        case object([String: Slot])
        case array([Slot])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: .object([:])
        case .value(let value): value
        case .object(let members): .object(members.mapValues(\.value))
        case .array(let elements): .array(elements.map(\.value))
        }
    }

    /// The members of an object, making this slot one if it is still empty.
    func objectMember(_ key: String) -> Slot {
        if case .object(var members) = content {
            if let existing = members[key] { return existing }
            let slot = Slot()
            members[key] = slot
            content = .object(members)
            return slot
        }
        let slot = Slot()
        content = .object([key: slot])
        return slot
    }

    func appendElement() -> Slot {
        let slot = Slot()
        if case .array(var elements) = content {
            elements.append(slot)
            content = .array(elements)
        } else {
            content = .array([slot])
        }
        return slot
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = slot.content { slot.content = .object([:]) }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = slot.content { slot.content = .array([]) }
        return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }

    /// The primitives directly, anything else through its `encode(to:)`.
    static func encode(_ value: some Encodable, at path: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let string as String: return .string(string)
        case let flag as Bool: return .bool(flag)
        case let number as Double: return .number(number)
        case let number as Float: return .number(Double(number))
        case let integer as any FixedWidthInteger: return .number(Double(integer))
        case let json as JSONValue: return json
        default:
            let slot = Slot()
            try value.encode(to: ValueEncoder(slot: slot, codingPath: path))
            return slot.value
        }
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.objectMember(key.stringValue).content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot.objectMember(key.stringValue).content = .value(try ValueEncoder.encode(value, at: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.objectMember(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.objectMember(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(slot: slot.objectMember(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(slot: Slot, codingPath: [any CodingKey]) { (self.slot, self.codingPath) = (slot, codingPath) }

    private mutating func next() -> (Slot, [any CodingKey]) {
        defer { count += 1 }
        return (slot.appendElement(), codingPath + [AnyKey(index: count)])
    }

    mutating func encodeNil() throws { next().0.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let (element, path) = next()
        element.content = .value(try ValueEncoder.encode(value, at: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (element, path) = next()
        return ValueEncoder(slot: element, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (element, path) = next()
        return ValueEncoder(slot: element, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let (element, path) = next()
        return ValueEncoder(slot: element, codingPath: path)
    }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.content = .value(try ValueEncoder.encode(value, at: codingPath))
    }
}
