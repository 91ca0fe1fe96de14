import SpoorDomain

/// The cases a rebuild folded, carried from one chunk of the log to the next while they fit in
/// `maxBytes`, each with the key its parts were sealed with. A case the next chunk meets again is
/// then neither read back nor decoded, and the chunk writes only the parts it changed: a case of a
/// thousand signals met in every chunk was decoded and sealed whole each time (BENCHMARKS.md).
/// Once full it is emptied: a rebuild meets each case in log order, and the cases a chunk folded
/// are the ones the next is likeliest to meet. Its table holds references, so that a chunk of
/// thousands of new cases does not grow a table of their states inline (heaptrack: 42 MB).
struct RebuiltCases {
    final class Start: Sendable {
        let entry: CaseProjection.Entry
        /// The key its stored parts are sealed with; `nil` when they are plain.
        let key: [UInt8]?

        init(entry: CaseProjection.Entry, key: [UInt8]?) { (self.entry, self.key) = (entry, key) }
    }

    let maxBytes: Int
    private var cases: [String: (start: Start, cost: Int)] = [:]
    private var bytes = 0

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    subscript(caseID: String) -> Start? { cases[caseID]?.start }

    /// Keeps the cases a chunk folded and sealed, in place of what it kept of them before.
    mutating func keep(_ folded: [Start]) {
        for start in folded {
            let cost = RecentCases.cost(of: start.entry, stored: [])
            if let previous = cases.removeValue(forKey: start.entry.state.caseID) { bytes -= previous.cost }
            guard cost <= maxBytes / 8 else { continue }  // a case that large would push out many others
            if bytes + cost > maxBytes { (cases, bytes) = ([:], 0) }
            cases[start.entry.state.caseID] = (start, cost)
            bytes += cost
        }
    }
}
