import Foundation

/// Refuses JSON fields a type does not have, which `JSONDecoder` would silently drop: a
/// misspelt `reportedBy` must fail loudly, not record a signal without its reporter.
enum KnownFields {
    /// Throws for the first key of `json` (a `JSONSerialization` object) that is not a stored
    /// property of `value`, the value decoded from it, looking into nested structs and arrays.
    static func check(_ json: Any, against value: Any, path: String = "") throws(DomainError) {
        let mirror = Mirror(reflecting: unwrapped(value))
        switch (json, mirror.displayStyle) {
        case (let object as [String: Any], .struct?):
            let children = Dictionary(mirror.children.compactMap { child in child.label.map { ($0, child.value) } },
                                      uniquingKeysWith: { first, _ in first })
            for key in object.keys.sorted() {
                guard let child = children[key] else {
                    throw .invalidField(path + key, "is not a field of \(String(describing: mirror.subjectType))")
                }
                try check(object[key]!, against: child, path: path + key + ".")
            }
        case (let array as [Any], .collection?):
            for (index, (element, child)) in zip(array, mirror.children.map(\.value)).enumerated() {
                try check(element, against: child, path: "\(path.dropLast())[\(index)].")
            }
        default:
            return
        }
    }

    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? value
    }
}
