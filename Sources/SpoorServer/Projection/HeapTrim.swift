#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Gives the system back the memory glibc keeps once a burst of decoded cases is freed. The cases
/// a rebuild folds and the ones ``RecentCases`` lets go are freed by many threads into glibc's
/// arenas, which keep them: on a store of 64 cases of 750 signals, `RssAnon` stood at 72.7 MiB
/// after two rebuilds and a load, of which `malloc_trim(0)` gave back 41.7 (BENCHMARKS.md).
enum HeapTrim {
    private static let start = ContinuousClock.now
    /// Seconds since `start` at the last trim made by ``atMostEvery(_:)``.
    private static let lastTrim = Atomic<Int64>(Int64.min / 2)

    /// Trims now: after a rebuild.
    static func now() { trim?(0) }

    /// glibc's `malloc_trim`, which its `malloc.h` declares and Swift's Glibc module does not bring.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Trims unless it did within `interval` seconds: after the recent cases let some go, which a
    /// daemon whose busy cases take more than the cases it keeps does every few commands.
    static func atMostEvery(_ interval: Int64) {
        let seconds = (ContinuousClock.now - start).components.seconds
        let last = lastTrim.load(ordering: .relaxed)
        guard seconds - last >= interval, lastTrim.compareExchange(expected: last, desired: seconds, ordering: .relaxed).exchanged else { return }
        now()
    }
}
