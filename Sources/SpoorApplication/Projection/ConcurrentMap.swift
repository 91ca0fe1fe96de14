import Foundation
import Synchronization

/// A map over an array on every core at once, the results in the input's order: what a rebuild
/// does with each case of a chunk before it writes them in order (decoding, opening, folding and
/// sealing). Each worker takes the next element as it becomes free, so that one large case does
/// not leave the other cores idle behind a share fixed in advance.
enum ConcurrentMap {
    static let workers = max(ProcessInfo.processInfo.activeProcessorCount, 1)

    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let workers = min(Self.workers, items.count)
        guard workers > 1 else { return items.map(transform) }
        let results = Results<R>(count: items.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < items.count {
                results.store(transform(items[index]), at: index)
            }
        }
        return results.values()
    }

    /// Slots each written by one worker, read once all are done.
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
