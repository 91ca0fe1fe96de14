import Synchronization

/// The cases decoded last, each with the stored bytes it was decoded from, so that the next
/// command on a busy case skips finding its key, opening and decoding its state: 12 µs of the
/// daemon's 74 µs a command on a case of three signals (`Benchmarks/compare-daemons.sh`, 64 clients).
///
/// An entry is used only while the projection holds exactly the bytes it was made from, so it can
/// never be stale: an append the writer folded again (across midnight), a rebuild or a refused
/// append all leave other bytes, and the next read decodes them. Bounded by the bytes it holds:
/// once full it is emptied, which costs one decode per busy case and keeps no order to maintain.
final class RecentCases: Sendable {
    private struct Recent {
        let stored: [UInt8]
        let entry: CaseProjection.Entry
    }

    private struct Cache {
        var cases: [String: Recent] = [:]
        var bytes = 0
    }

    /// About what the states take in memory: the stored form's size, counted twice for the decoded one.
    let maxBytes: Int
    private let cache = Mutex(Cache())

    init(maxBytes: Int = 8 << 20) { self.maxBytes = maxBytes }

    /// The case decoded from `stored`, when it is the one remembered for `caseID`.
    func entry(of caseID: String, stored: [UInt8]) -> CaseProjection.Entry? {
        cache.withLock { cache in
            guard let recent = cache.cases[caseID], recent.stored == stored else { return nil }
            return recent.entry
        }
    }

    /// Remembers `entry` as what `stored` decodes to, in place of what was remembered for its case.
    func remember(_ entry: CaseProjection.Entry, stored: [UInt8]) {
        let size = 2 * stored.count
        guard size <= maxBytes / 16 else { return }  // a case that large would push out many others
        cache.withLock { cache in
            if let previous = cache.cases.updateValue(Recent(stored: stored, entry: entry), forKey: entry.state.caseID) {
                cache.bytes -= 2 * previous.stored.count
            }
            cache.bytes += size
            if cache.bytes > maxBytes {  // start afresh: the busy cases come back with their next command
                cache = Cache()
            }
        }
    }

    var count: Int { cache.withLock { $0.cases.count } }
}
