import SpoorProtocol

extension JSONValue {
    /// What a reader without a need to know sees in place of personal content.
    enum Redaction: String {
        case sealed = "«sealed»", erased = "«erased»"
    }

    /// This value with every `personal` field, at any depth, replaced by `marker`: the skeleton
    /// that auditors, admins and the privacy officer see.
    func redactingPersonalContent(as marker: Redaction) -> JSONValue {
        switch self {
        case .object(let object):
            .object(object.reduce(into: [:]) { result, field in
                result[field.key] = field.key == "personal" && field.value != .null
                    ? .string(marker.rawValue) : field.value.redactingPersonalContent(as: marker)
            })
        case .array(let array): .array(array.map { $0.redactingPersonalContent(as: marker) })
        default: self
        }
    }
}
