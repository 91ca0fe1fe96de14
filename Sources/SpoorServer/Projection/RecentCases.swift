import SpoorDomain
import Synchronization

/// The cases decoded last, each with the stored bytes it was decoded from, so that the next
/// command on a busy case skips finding its key, opening and decoding its state: 12 µs of the
/// daemon's 74 µs a command on a case of three signals (`Benchmarks/compare-daemons.sh`, 64 clients).
///
/// An entry is used only while the projection holds exactly the bytes it was made from, so it can
/// never be stale: an append the writer folded again (across midnight), a rebuild or a refused
/// append all leave other bytes, and the next read decodes them. Bounded by the bytes it holds:
/// once full, a quarter of it is let go in the table's own (hashed) order, which keeps no order to
/// maintain and follows no caller's. Emptying it whole, as it once did, made every command miss
/// once the busy cases took a little more than it holds (64 cases of 750 signals: 1,900
/// commands/s where 16 such cases took 17,000; BENCHMARKS.md).
///
/// Every command takes its lock, so nothing slow happens under it: the table is sized for the
/// entries the bytes allow from the start (a table growing past 6,144, 12,288 and 24,576 cases
/// rehashed under the lock and held every command up to 26 ms, BENCHMARKS.md), its values are
/// references, and what it lets go is freed outside the lock.
final class RecentCases: Sendable {
    private final class Recent: Sendable {
        let stored: [UInt8]
        let entry: CaseProjection.Entry
        let cost: Int

        init(stored: [UInt8], entry: CaseProjection.Entry, cost: Int) { (self.stored, self.entry, self.cost) = (stored, entry, cost) }
    }

    private struct Cache {
        var cases: [String: Recent]
        var bytes = 0

        init(capacity: Int) { cases = Dictionary(minimumCapacity: capacity) }
    }

    /// What the entries may take in memory, by `cost(of:)`.
    let maxBytes: Int
    private let cache: Mutex<Cache>

    init(maxBytes: Int = 16 << 20) {
        self.maxBytes = maxBytes
        cache = Mutex(Cache(capacity: maxBytes / Self.smallest))  // the most entries the bytes allow
    }

    /// What an entry takes in memory: the decoded state's own layout in its object, its nested
    /// storage (about its stored head's size, and `perElement` for each element of its lists), and
    /// the stored head kept to compare. Counting the stored size twice alone let 58,000 small cases
    /// take 26 MiB of an 8 MiB budget (heaptrack).
    static func cost(of entry: CaseProjection.Entry, stored: [UInt8]) -> Int {
        smallest + 2 * stored.count + entry.state.listedElements * perElement
    }

    private static let smallest = MemoryLayout<CaseProjection.Entry>.stride + 96
    /// A signal's layout and the storage of its lists of strings, the largest of the listed elements.
    private static let perElement = MemoryLayout<CaseState.Signal>.stride + 4 * 48

    /// The case decoded from `stored`, when it is the one remembered for `caseID`.
    func entry(of caseID: String, stored: [UInt8]) -> CaseProjection.Entry? {
        cache.withLock { cache in
            guard let recent = cache.cases[caseID], recent.stored == stored else { return nil }
            return recent.entry
        }
    }

    /// Remembers `entry` as what `stored` decodes to, in place of what was remembered for its case.
    func remember(_ entry: CaseProjection.Entry, stored: [UInt8]) {
        let size = Self.cost(of: entry, stored: stored)
        guard size <= maxBytes / 8 else { return }  // a case that large would push out many others
        let evicted: [Recent] = cache.withLock { cache in
            if let previous = cache.cases.updateValue(Recent(stored: stored, entry: entry, cost: size), forKey: entry.state.caseID) {
                cache.bytes -= previous.cost
            }
            cache.bytes += size
            guard cache.bytes > maxBytes else { return [] }
            var victims: [String] = []
            var freed = 0
            for (caseID, recent) in cache.cases {
                guard cache.bytes - freed > maxBytes / 4 * 3 else { break }
                victims.append(caseID)
                freed += recent.cost
            }
            cache.bytes -= freed
            return victims.compactMap { cache.cases.removeValue(forKey: $0) }
        }
        guard !evicted.isEmpty else { return }
        _ = consume evicted  // their states are freed here, outside the lock,
        HeapTrim.atMostEvery(10)  // and given back to the system
    }

    var count: Int { cache.withLock { $0.cases.count } }
}
