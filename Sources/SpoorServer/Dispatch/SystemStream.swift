import Logging
import Metrics
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The `system` stream's security record: every read of personal content, every export, emergency
/// read and review, key rotation, and every denial, attributed to the caller's OS identity.
struct SystemStream: Sendable {
    let ledger: Ledger
    /// Bounds the denials each user puts on the record.
    let denials = DenialLimiter()
    let logger: Logger

    /// Appends a security event attributed to the caller, durably, with what `projector` keeps of it.
    func record(_ type: String, _ payload: JSONValue, by caller: Caller, id: EventID = EventID(), projector: InlineProjector? = nil) async throws {
        let principal = caller.principal
        _ = try await ledger.append(
            to: .system, events: [ProposedEvent(id: id, type: type, payload: payload.serialized)],
            metadata: AppendMetadata(actor: .init(uid: principal.uid, name: principal.name),
                                     role: principal.roles.first?.rawValue ?? "none"),
            projector: projector)
    }

    /// Logs a denial, records it (within the caller's bound), and returns the error to answer with.
    func denied(_ caller: Caller, method: String, reason: String) async -> WireError {
        let principal = caller.principal
        Counter(label: "spoor_denials_total", dimensions: [("method", method)]).increment()
        guard let unrecorded = denials.admit(uid: principal.uid) else {
            logger.warning("denied \(method) to \(principal.name) (uid \(principal.uid)): \(reason); not recorded: over the limit of denials on the record")
            return WireError(.denied, reason)
        }
        logger.warning("denied \(method) to \(principal.name) (uid \(principal.uid)): \(reason)")
        var record: [String: JSONValue] = ["method": .string(method), "reason": .string(reason),
                                           "roles": .array(principal.roles.map { .string($0.rawValue) })]
        if unrecorded > 0 { record["unrecordedBefore"] = .number(Double(unrecorded)) }
        do {
            try await self.record("access-denied", .object(record), by: caller)
        } catch {
            logger.error("could not record the denial of \(method) to \(principal.name): \(error)")
        }
        return WireError(.denied, reason)
    }
}
