import Logging
import Synchronization
import Metrics
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The `system` stream's security record: every read of personal content, every export, emergency
/// read and review, key rotation, and every denial, attributed to the caller's OS identity. Free
/// text a person wrote (an emergency's reason, a review's note) is sealed under the stream's own
/// key, which the privacy officer may open, each opening recorded; an erasure of a case leaves it.
package struct SystemStream: Sendable {
    let ledger: Ledger
    let keys: CaseKeys
    /// Bounds the denials each user puts on the record.
    let denials = DenialLimiter()
    let logger: Logger
    private let keyMaking = SystemKeyMaking()

    /// Appends a security event attributed to the caller, durably, with what `projector` keeps of
    /// it; `personal`, free text a person wrote, is sealed apart under the stream's key.
    func record(
        _ type: String, _ payload: JSONValue, personal: JSONValue? = nil, by caller: Caller, id: EventID = EventID(),
        projector: InlineProjector? = nil
    ) async throws {
        let principal = caller.principal
        var sealed: [UInt8]?
        if let personal {
            try await keyMaking.ensure { try await createKey(by: caller) }
            guard let key = try keys.key(for: .system) else { throw SealingError.keyDamaged(.system) }
            sealed = try PersonalContent.seal(personal, key: key, for: id)
        }
        _ = try await ledger.append(
            to: .system, events: [ProposedEvent(id: id, type: type, payload: payload.serialized, sealed: sealed)],
            metadata: AppendMetadata(
                actor: .init(uid: principal.uid, name: principal.name),
                role: principal.roles.first?.rawValue ?? "none"),
            projector: projector)
    }

    /// The event type that creates the stream's key, with the first free text it seals.
    static let keyCreatedType = "system-key-created"

    /// Creates the stream's key if the store has none yet.
    private func createKey(by caller: Caller) async throws {
        guard try ledger.wrappedKey(of: .system) == nil else { return }
        let made = try keys.make(for: .system)
        _ = try await ledger.append(
            to: .system, events: [ProposedEvent(type: Self.keyCreatedType, payload: JSONValue.object([:]).serialized)],
            metadata: AppendMetadata(
                actor: .init(uid: caller.principal.uid, name: caller.principal.name),
                role: caller.principal.roles.first?.rawValue ?? "none"),
            keyChange: made.change)
    }

    /// Logs a denial, records it (within the caller's bound), and returns the error to answer with.
    func denied(_ caller: Caller, method: String, reason: String) async -> WireError {
        let principal = caller.principal
        Counter(label: "spoor_denials_total", dimensions: [("method", method)]).increment()
        guard let unrecorded = denials.admit(uid: principal.uid) else {
            logger.warning(
                "denied \(method) to \(principal.name) (uid \(principal.uid)): \(reason); not recorded: over the limit of denials on the record")
            return WireError(.denied, reason)
        }
        logger.warning("denied \(method) to \(principal.name) (uid \(principal.uid)): \(reason)")
        var record: [String: JSONValue] = [
            "method": .string(method), "reason": .string(reason),
            "roles": .array(principal.roles.map { .string($0.rawValue) }),
        ]
        if unrecorded > 0 { record["unrecordedBefore"] = .number(Double(unrecorded)) }
        do {
            try await self.record("access-denied", .object(record), by: caller)
        } catch {
            logger.error("could not record the denial of \(method) to \(principal.name): \(error)")
        }
        return WireError(.denied, reason)
    }

    package init(ledger: Ledger, keys: CaseKeys, logger: Logger) {
        self.ledger = ledger
        self.keys = keys
        self.logger = logger
    }
}

/// Makes the `system` stream's key once: concurrent first sealings wait for the one that creates it.
final class SystemKeyMaking: Sendable {
    private let making = Mutex<Task<Void, any Error>?>(nil)

    func ensure(_ create: @escaping @Sendable () async throws -> Void) async throws {
        let task = making.withLock { making in
            if let making { return making }
            let task = Task { try await create() }
            making = task
            return task
        }
        do { try await task.value } catch {
            making.withLock { $0 = nil }  // a failed creation is tried again by the next sealing
            throw error
        }
    }
}
