import LMDB
import SpoorProof

extension LedgerStore {
    /// Writes one append after `head` inside the writer's transaction, or throws and writes nothing
    /// that the caller's nested transaction keeps.
    ///
    /// A retry (every id stored already, with the same content in the same stream) returns the
    /// stored positions before any version check: a client that lost the reply to a successful
    /// append must get that success again, not a conflict with its own write.
    func append(
        _ request: AppendRequest, after head: ChainHead, at now: Int64, in txn: borrowing WriteTransaction
    ) throws -> (AppendResult, ChainHead) {
        if let retry = try storedRetry(of: request, in: txn) { return (retry, head) }

        let current = try version(of: request.stream, in: txn)
        guard request.expected.isSatisfied(by: current) else {
            throw LedgerError.wrongExpectedVersion(stream: request.stream, expected: request.expected, actual: current)
        }
        if let change = request.keyChange { try apply(change, to: request.stream, in: txn) }
        var head = head
        var positions: [UInt64] = []
        positions.reserveCapacity(request.events.count)
        var version = current.map { $0 + 1 } ?? 0
        let recordedAt = max(now, head.recordedAt)
        for (event, sealedDigest) in zip(request.events, request.sealedDigests) {
            let position = head.position + 1
            let (stored, hash) = EventCodec.encode(
                position: position, id: event.id, type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
                sealedDigest: sealedDigest, stream: request.stream,
                streamVersion: version, recordedAt: recordedAt, metadata: request.metadata, previousHash: head.hash,
                record: event.record.map { PublicRecord(bytes: $0, salt: Self.salt()) })
            let positionKey = position.bigEndianBytes
            try txn.put(stored, key: positionKey, in: events, flags: .append)
            try txn.put(positionKey, key: event.id.bytes, in: ids, flags: .noOverwrite)
            if let sealed = event.sealed { try txn.put(sealed, key: positionKey, in: self.sealed, flags: .append) }
            try appendLeaf(index: position - 1, eventHash: hash, in: txn)
            positions.append(position)
            head = ChainHead(position: position, hash: hash, recordedAt: recordedAt)
            version += 1
        }
        try txn.put((version - 1).bigEndianBytes, key: Array(request.stream.rawValue.utf8), in: heads)
        if let projector = request.projector {
            try put(try Self.project(projector, positions, recordedAt), slot: try liveSlot(in: txn), in: txn)
        }
        return (AppendResult(positions: positions, streamVersion: version - 1, wasRetry: false), head)
    }

    /// The records the caller's projector makes; anything it throws becomes ``LedgerError/invalidProjection(_:)``.
    private static func project(_ projector: InlineProjector, _ positions: [UInt64], _ recordedAt: Int64) throws -> [ProjectionRecord] {
        do {
            return try projector(positions, recordedAt)
        } catch {
            throw LedgerError.invalidProjection(String(describing: error))
        }
    }

    /// A public record's salt: 32 bytes from the system's random source.
    private static func salt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<PublicRecord.saltCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The stored result when every event of `request` is stored already; `nil` when none is.
    private func storedRetry(of request: AppendRequest, in txn: borrowing WriteTransaction) throws -> AppendResult? {
        var stored: [(ProposedEvent, ChainHash?, UInt64)] = []
        for (event, digest) in zip(request.events, request.sealedDigests) {
            if let position = try position(of: event.id, in: txn) { stored.append((event, digest, position)) }
        }
        if stored.isEmpty { return nil }
        guard stored.count == request.events.count else { throw LedgerError.partialRetry(storedIDs: stored.map(\.0.id)) }

        var lastVersion: UInt64 = 0
        for (event, digest, position) in stored {
            guard let original = try self.event(at: position, in: txn) else {
                throw LedgerError.corrupt(position: position, reason: "the id index points at a missing event")
            }
            if let difference = Self.difference(between: original, and: event, digest: digest, in: request.stream) {
                throw LedgerError.eventIDConflict(event.id, storedAt: position, reason: difference)
            }
            lastVersion = max(lastVersion, original.streamVersion)
        }
        return AppendResult(positions: stored.map(\.2), streamVersion: lastVersion, wasRetry: true)
    }

    /// What tells a stored event apart from a proposed one with the same id, or `nil` if nothing does.
    private static func difference(
        between original: RecordedEvent, and proposed: ProposedEvent, digest: ChainHash?, in stream: StreamName
    ) -> String? {
        if original.stream != stream { return "in stream \(original.stream), not \(stream)" }
        if original.type != proposed.type { return "with type \(original.type), not \(proposed.type)" }
        if original.schemaVersion != proposed.schemaVersion { return "with schema version \(original.schemaVersion)" }
        if original.payload != proposed.payload { return "with another payload" }
        if original.sealedDigest != digest { return "with another sealed part" }
        if original.record?.bytes != proposed.record { return "with another public record" }
        return nil
    }
}
