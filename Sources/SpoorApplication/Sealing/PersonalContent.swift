import Crypto
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// Splits an event's personal content (its `personal` field) from its payload and seals it with
/// the case's data key, bound to the event's id; the payload the log keeps has no personal content.
enum PersonalContent {
    /// The payload without `personal`, and the personal content if there was any.
    static func split(_ payload: JSONValue) -> (payload: JSONValue, personal: JSONValue?) {
        guard case .object(var object) = payload, let personal = object.removeValue(forKey: "personal"), personal != .null else {
            return (payload, nil)
        }
        return (.object(object), personal)
    }

    /// The payload with its personal content back in place.
    static func merge(_ payload: JSONValue, _ personal: JSONValue?) -> JSONValue {
        guard let personal, case .object(var object) = payload else { return payload }
        object["personal"] = personal
        return .object(object)
    }

    /// AES-256-GCM of the content's JSON under `key`, authenticated with the event's id: nonce ‖ ciphertext ‖ tag.
    static func seal(_ personal: JSONValue, key: [UInt8], for id: EventID) throws -> [UInt8] {
        Array(try AES.GCM.seal(personal.serialized, using: SymmetricKey(data: key), authenticating: Array(id.description.utf8)).combined!)
    }

    static func open(_ sealed: [UInt8], key: [UInt8], for id: EventID, position: UInt64) throws -> JSONValue {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try JSONValue.parse(Array(try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: Array(id.description.utf8))))
        } catch {
            throw SealingError.contentDamaged(position: position)
        }
    }
}
