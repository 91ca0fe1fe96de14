import SpoorProof

/// The log from a position on: the stored events, then each new one as it commits.
///
/// Catch-up and live are one loop: the iterator always reads the next positions from the store,
/// and only when it has read everything does it wait for the next commit. So there is no switch
/// at which an event could be missed or delivered twice, and a slow consumer only reads slower
/// (back-pressure): nothing is buffered for it beyond one chunk.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent

    let ledger: Ledger
    let start: UInt64
    let chunkSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(ledger: ledger, nextPosition: Swift.max(start, 1), chunkSize: chunkSize)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let ledger: Ledger
        var nextPosition: UInt64
        let chunkSize: Int
        var chunk: [RecordedEvent] = []
        var index = 0

        /// The next event; `nil` once the ledger closes or the task is cancelled.
        public mutating func next() async throws -> RecordedEvent? {
            while index == chunk.count {
                do {
                    chunk = try ledger.read(from: nextPosition, limit: chunkSize)
                } catch LedgerError.closed {
                    return nil
                }
                index = 0
                if chunk.isEmpty {
                    guard await ledger.commits.wait(past: nextPosition - 1) else { return nil }
                }
            }
            defer { index += 1 }
            nextPosition = chunk[index].position + 1
            return chunk[index]
        }
    }
}

extension Ledger {
    /// Every event from `position` on (from the start by default), then live ones as they commit.
    public func subscribe(from position: UInt64 = 1, chunkSize: Int = 512) -> EventSubscription {
        EventSubscription(ledger: self, start: position, chunkSize: max(chunkSize, 1))
    }
}
