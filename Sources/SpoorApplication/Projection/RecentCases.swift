import SpoorDomain
import Synchronization

/// The cases decoded last, each with the stored bytes it was decoded from, so that the next
/// command on a busy case skips finding its key, opening and decoding its state: 12 µs of the
/// daemon's 74 µs a command on a case of three signals (`Benchmarks/compare-daemons.sh`, 64 clients),
/// and nearly all of it on a case of a thousand signals (1.3 ms).
///
/// An entry is used only while the projection holds exactly the bytes it was made from, so it can
/// never be stale: an append the writer folded again (across midnight), a rebuild or a refused
/// append all leave other bytes, and the next read decodes them.
///
/// Bounded by the bytes it holds, least recently used first out: the busy cases stay however
/// many others pass through. Emptying the whole table when full, as it once did, let one burst of
/// new cases push out the busy ones (16 cases of 1,000 signals took 1,348 commands/s after a run
/// of new cases, against 16,430 alone); two generations of half the bytes each kept the busy ones
/// but served only half the bytes to cases used in turn (16 clients recording signals fell from
/// 1,500 signals a case, where this holds to 2,500). BENCHMARKS.md has all three.
///
/// Every command takes its lock, so nothing slow happens under it: the table is sized for the
/// entries the bytes allow (a table growing past 6,144, 12,288 and 24,576 cases rehashed under the
/// lock and held every command up to 26 ms, BENCHMARKS.md), its values are references linked in
/// the order of use, and what it lets go, a case or a few at a time, is freed outside the lock.
/// (Freed on a queue of its own instead, it piled up when the daemon was busy: 104 MiB.)
final class RecentCases: Sendable {
    /// A case remembered, linked to those used just before and after it. The table holds it; the
    /// links hold nothing, and change only under the lock.
    private final class Recent: @unchecked Sendable {
        let caseID: String
        let stored: [UInt8]
        let entry: CaseProjection.Entry
        let cost: Int
        unowned(unsafe) var newer: Recent?
        unowned(unsafe) var older: Recent?

        init(caseID: String, stored: [UInt8], entry: CaseProjection.Entry, cost: Int) {
            (self.caseID, self.stored, self.entry, self.cost) = (caseID, stored, entry, cost)
        }
    }

    private struct Cache {
        var cases: [String: Recent]
        unowned(unsafe) var newest: Recent?
        unowned(unsafe) var oldest: Recent?
        var bytes = 0

        mutating func unlink(_ recent: Recent) {
            if let newer = recent.newer { newer.older = recent.older } else { newest = recent.older }
            if let older = recent.older { older.newer = recent.newer } else { oldest = recent.newer }
            (recent.newer, recent.older) = (nil, nil)
        }

        mutating func makeNewest(_ recent: Recent) {
            recent.older = newest
            newest?.newer = recent
            newest = recent
            if oldest == nil { oldest = recent }
        }
    }

    /// What the entries may take in memory, by `cost(of:stored:)`.
    let maxBytes: Int
    private let cache: Mutex<Cache>

    init(maxBytes: Int = 16 << 20) {
        self.maxBytes = maxBytes
        cache = Mutex(Cache(cases: Dictionary(minimumCapacity: maxBytes / Self.smallest)))  // the most entries the bytes allow
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
            cache.unlink(recent)
            cache.makeNewest(recent)
            return recent.entry
        }
    }

    /// Remembers `entry` as what `stored` decodes to, in place of what was remembered for its case,
    /// unless that is of a later version: a read decoded from a snapshot taken before a command,
    /// an erasure say, must not put back the state the command replaced (with the erased case's
    /// content in the clear, which the erasure took out of memory). A state that a refused append
    /// left here, of a version never stored, holds the stored one out until a command replaces it
    /// or it ages out: reads of that case decode meanwhile, as they would without this cache.
    func remember(_ entry: CaseProjection.Entry, stored: [UInt8]) {
        let size = Self.cost(of: entry, stored: stored)
        guard size <= maxBytes / 8 else { return }  // a case that large would push out many others
        let recent = Recent(caseID: entry.state.caseID, stored: stored, entry: entry, cost: size)
        let letGo: [Recent] = cache.withLock { cache in
            var letGo: [Recent] = []
            if let remembered = cache.cases[recent.caseID], remembered.entry.version > entry.version { return [recent] }
            if let replaced = cache.cases.updateValue(recent, forKey: recent.caseID) {
                cache.unlink(replaced)
                cache.bytes -= replaced.cost
                letGo.append(replaced)
            }
            cache.makeNewest(recent)
            cache.bytes += size
            while cache.bytes > maxBytes, let oldest = cache.oldest {
                cache.unlink(oldest)
                cache.cases[oldest.caseID] = nil
                cache.bytes -= oldest.cost
                letGo.append(oldest)
            }
            return letGo
        }
        _ = consume letGo  // freed here, outside the lock: a case or a few, as the command decoded
    }

    var count: Int { cache.withLock { $0.cases.count } }
}
