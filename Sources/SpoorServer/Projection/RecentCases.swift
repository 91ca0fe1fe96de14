import Foundation
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
/// Bounded by the bytes it holds, in two generations of half of them each: what is remembered or
/// found goes to the current one; once that is full it becomes the previous one and the previous
/// one is let go. A case used since the last turn stays, so the busy cases stay however many
/// others pass through, with no order to maintain. Emptying the whole table when full, as it once
/// did, let the cases of one burst push out the busy ones: 16 cases of 1,000 signals took 1,348
/// commands/s after a run of new cases, against 16,430 alone (BENCHMARKS.md).
///
/// Every command takes its lock, so nothing slow happens under it: each generation's table is
/// sized for the entries its bytes allow (a table growing past 6,144, 12,288 and 24,576 cases
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
        var current: [String: Recent]
        var previous: [String: Recent] = [:]
        /// What `current` holds, by cost.
        var bytes = 0
    }

    /// What the entries may take in memory, by `cost(of:stored:)`: half in each generation.
    let maxBytes: Int
    private let cache: Mutex<Cache>

    init(maxBytes: Int = 16 << 20) {
        self.maxBytes = maxBytes
        cache = Mutex(Cache(current: Dictionary(minimumCapacity: Self.capacity(maxBytes))))
    }

    /// The most entries a generation's bytes allow.
    private static func capacity(_ maxBytes: Int) -> Int { maxBytes / 2 / smallest }

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
        let (entry, dropped) = cache.withLock { cache -> (CaseProjection.Entry?, [String: Recent]) in
            if let recent = cache.current[caseID] { return (recent.stored == stored ? recent.entry : nil, [:]) }
            guard let recent = cache.previous.removeValue(forKey: caseID), recent.stored == stored else { return (nil, [:]) }
            return (recent.entry, keep(recent, for: caseID, in: &cache))  // used again: into the current generation
        }
        letGo(dropped)
        return entry
    }

    /// Remembers `entry` as what `stored` decodes to, in place of what was remembered for its case.
    func remember(_ entry: CaseProjection.Entry, stored: [UInt8]) {
        let size = Self.cost(of: entry, stored: stored)
        guard size <= maxBytes / 8 else { return }  // a case that large would push out many others
        let caseID = entry.state.caseID
        let dropped = cache.withLock { cache in
            cache.previous[caseID] = nil
            return keep(Recent(stored: stored, entry: entry, cost: size), for: caseID, in: &cache)
        }
        letGo(dropped)
    }

    /// Frees a generation let go, outside the lock and behind the commands: it holds thousands of
    /// states, and freeing them held the command that turned it for milliseconds (BENCHMARKS.md).
    private func letGo(_ dropped: [String: Recent]) {
        guard !dropped.isEmpty else { return }
        Self.freeing.async { _ = dropped }
    }

    private static let freeing = DispatchQueue(label: "spoor-recent-cases-free", qos: .utility)

    /// Puts `recent` in the current generation, turning generations once it is full; returns the
    /// generation let go, for the caller to free outside the lock.
    private func keep(_ recent: Recent, for caseID: String, in cache: inout Cache) -> [String: Recent] {
        if let replaced = cache.current.updateValue(recent, forKey: caseID) { cache.bytes -= replaced.cost }
        cache.bytes += recent.cost
        guard cache.bytes > maxBytes / 2 else { return [:] }
        let dropped = cache.previous
        cache.previous = cache.current
        cache.current = Dictionary(minimumCapacity: Self.capacity(maxBytes))
        cache.bytes = 0
        return dropped
    }

    var count: Int { cache.withLock { $0.current.count + $0.previous.count } }
}
