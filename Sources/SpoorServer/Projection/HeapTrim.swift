#if canImport(Glibc)
import Glibc
#endif

/// Gives the system back the memory glibc keeps once a rebuild has freed what it folded: the
/// cases it decoded are freed by several threads into glibc's arenas, which keep them. On a store
/// of 64 cases of 750 signals `RssAnon` stood at 72.7 MiB after two rebuilds and a load, of which
/// `malloc_trim(0)` gave back 41.7 (BENCHMARKS.md). Not on the command path: a trim locks the
/// arenas while it walks them, and trimming after evictions held a fixed-rate run's p99 at 7.8 ms.
enum HeapTrim {
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
}
