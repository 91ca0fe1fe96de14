import SpoorProtocol

extension JSONValue {
    /// What a reader without a need to know sees in place of personal content.
    enum Redaction: String {
        case sealed = "«sealed»", erased = "«erased»"
        /// A staff note left out of a subject's export: it may name other people.
        case withheld = "«withheld»"
    }

    /// This value with every `personal` field, at any depth, replaced by `marker`: the skeleton
    /// that auditors, admins and the privacy officer see.
    func redactingPersonalContent(as marker: Redaction) -> JSONValue {
        switch self {
        case .object(let object):
            .object(
                object.reduce(into: [:]) { result, field in
                    result[field.key] =
                        field.key == "personal" && field.value != .null
                        ? .string(marker.rawValue) : field.value.redactingPersonalContent(as: marker)
                })
        case .array(let array): .array(array.map { $0.redactingPersonalContent(as: marker) })
        default: self
        }
    }

    /// This value with every staff note (a `personal` part with free `text`), at any depth, replaced by «withheld».
    func withholdingNotes() -> JSONValue {
        switch self {
        case .object(let object):
            .object(
                object.reduce(into: [:]) { result, field in
                    result[field.key] =
                        field.key == "personal" && field.value["text"] != nil
                        ? .string(Redaction.withheld.rawValue) : field.value.withholdingNotes()
                })
        case .array(let array): .array(array.map { $0.withholdingNotes() })
        default: self
        }
    }
}
