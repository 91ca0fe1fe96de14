import Foundation
import Synchronization

/// Refuses JSON fields a type does not have, which `JSONDecoder` would silently drop: a
/// misspelt `reportedBy` must fail loudly, not record a signal without its reporter.
enum KnownFields {
    /// Throws for the first key of `json` (a `JSONSerialization` object) that is not a stored
    /// property of `value`, the value decoded from it, looking into nested structs and arrays.
    static func check(_ json: Any, against value: Any, path: String = "") throws(DomainError) {
        let value = unwrapped(value)
        if let object = json as? [String: Any] {
            guard let fields = fields(of: value) else { return }
            for key in object.keys.sorted() where !fields.contains(key) {
                throw .invalidField(path + key, "is not a field of \(type(of: value))")
            }
            // Reflect on the value only where there is an object to look into.
            let nested = object.filter { holdsObjects($0.value) }
            guard !nested.isEmpty else { return }
            for child in Mirror(reflecting: value).children {
                guard let label = child.label, let inner = nested[label] else { continue }
                try check(inner, against: child.value, path: path + label + ".")
            }
        } else if let array = json as? [Any], array.contains(where: holdsObjects) {
            for (index, (element, child)) in zip(array, Mirror(reflecting: value).children.map(\.value)).enumerated() {
                try check(element, against: child, path: "\(path.dropLast())[\(index)].")
            }
        }
    }

    /// The stored properties of `value`'s type when it is a struct, reflected once per type.
    private static func fields(of value: Any) -> Set<String>? {
        let key = ObjectIdentifier(type(of: value))
        if let known = cache.withLock({ $0[key] }) { return known }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct else { return nil }
        let fields = Set(mirror.children.compactMap(\.label))
        cache.withLock { $0[key] = fields }
        return fields
    }

    private static let cache = Mutex<[ObjectIdentifier: Set<String>]>([:])

    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? value
    }
}

/// Whether a JSON value is, or holds, an object whose keys need checking.
private func holdsObjects(_ json: Any) -> Bool {
    json is [String: Any] || (json as? [Any])?.contains(where: holdsObjects) == true
}
