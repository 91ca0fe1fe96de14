import Foundation

/// A map over an array on every core at once, the results in the input's order: what a rebuild
/// does with each event before it folds them in order (decoding the JSON, opening the sealed part).
enum ConcurrentMap {
    static let workers = max(ProcessInfo.processInfo.activeProcessorCount, 1)

    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let workers = min(Self.workers, items.count / 64)  // not worth a thread for a handful
        guard workers > 1 else { return items.map(transform) }
        let results = Results<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (items.count * worker / workers)..<(items.count * (worker + 1) / workers)
            for index in range { results.store(transform(items[index]), at: index) }
        }
        return results.values()
    }

    /// Slots each worker writes apart from the others' (disjoint ranges), read once all are done.
    private final class Results<R>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<R?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        func store(_ value: R, at index: Int) { buffer[index] = value }
        func values() -> [R] { buffer.map { $0! } }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
