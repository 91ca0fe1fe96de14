/// Encodes `Encodable` values straight into a ``JSONValue``, without writing and parsing text:
/// the value is then split, sealed or sent as it is. `nil` optionals are left out, as the
/// synthesised `encode(to:)` asks; integers and floating-point numbers become numbers.
public struct JSONValueEncoder {
    /// An encoder; it keeps no state between encodings.
    public init() {}

    /// `value` as a ``JSONValue``, without text in between.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        try ValueEncoder.encode(value, at: [])
    }
}

/// What an encoder has been given so far: nothing yet, one value, or a container being filled.
/// An object keeps its plain members as values and only its nested containers as slots, so that
/// a struct of primitives costs one dictionary, not a slot per field.
private final class Slot {
    var single: JSONValue?
    var members: [String: JSONValue]?
    var nested: [String: Slot] = [:]
    var elements: [Slot]?

    var value: JSONValue {
        if let single { return single }
        if let elements { return .array(elements.map(\.value)) }
        var object = members ?? [:]
        for (key, slot) in nested { object[key] = slot.value }
        return .object(object)
    }

    func set(_ value: JSONValue, forKey key: String) {
        if members == nil { members = Self.emptyMembers() }
        members![key] = value
    }

    func nestedSlot(forKey key: String) -> Slot {
        if members == nil { members = Self.emptyMembers() }
        if let existing = nested[key] { return existing }
        let slot = Slot()
        nested[key] = slot
        return slot
    }

    /// An object's members, sized for eight: growing member by member rehashed it as it grew.
    static func emptyMembers() -> [String: JSONValue] { Dictionary(minimumCapacity: 8) }

    func appendElement() -> Slot {
        let slot = Slot()
        if elements == nil { elements = [] }
        elements!.append(slot)
        return slot
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.members == nil { slot.members = Slot.emptyMembers() }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }

    /// The primitives directly, anything else through its `encode(to:)`. The path is built only
    /// for a value that has one.
    static func encode<T: Encodable>(_ value: T, at path: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
        if let primitive = primitive(value) { return primitive }
        if let named = T.self as? any JSONString.Type { return .string(string(of: value, as: named)) }
        let slot = Slot()
        try value.encode(to: ValueEncoder(slot: slot, codingPath: path()))
        return slot.value
    }

    private static func string<Named: JSONString>(of value: Any, as type: Named.Type) -> String { (value as! Named).jsonString }

    /// `value` as a JSON primitive, when its type is one. Compares types before casting: most
    /// values are not primitives, and a cast that fails costs far more than a comparison.
    private static func primitive<T>(_ value: T) -> JSONValue? {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): return .string(value as! String)
        case ObjectIdentifier(Bool.self): return .bool(value as! Bool)
        case ObjectIdentifier(Double.self): return .number(value as! Double)
        case ObjectIdentifier(Float.self): return .number(Double(value as! Float))
        case ObjectIdentifier(JSONValue.self): return (value as! JSONValue)
        // The two integers most values are, without the existential's generic conversion.
        case ObjectIdentifier(Int.self): return .number(Double(value as! Int))
        case ObjectIdentifier(UInt64.self): return .number(Double(value as! UInt64))
        case ObjectIdentifier(Int64.self), ObjectIdentifier(Int32.self), ObjectIdentifier(Int16.self),
            ObjectIdentifier(Int8.self), ObjectIdentifier(UInt.self), ObjectIdentifier(UInt32.self),
            ObjectIdentifier(UInt16.self), ObjectIdentifier(UInt8.self):
            let integer = value as! any BinaryInteger
            return .number(Double(integer))
        default: return nil
        }
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.set(.null, forKey: key.stringValue) }

    // The primitives straight, without the generic path's type tests: most fields are strings.
    mutating func encode(_ value: String, forKey key: Key) throws { slot.set(.string(value), forKey: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.set(.bool(value), forKey: key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.set(.number(Double(value)), forKey: key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot.set(.number(Double(value)), forKey: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot.set(.number(value), forKey: key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot.set(try ValueEncoder.encode(value, at: codingPath + [key]), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.nestedSlot(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.nestedSlot(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(slot: slot.nestedSlot(forKey: key.stringValue), codingPath: codingPath + [key])
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

    mutating func encodeNil() throws {
        slot.appendElement().single = .null
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let element = slot.appendElement()
        element.single = try ValueEncoder.encode(value, at: codingPath + [AnyKey(index: count)])
        count += 1
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

    mutating func encodeNil() throws { slot.single = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.single = try ValueEncoder.encode(value, at: codingPath)
    }
}
