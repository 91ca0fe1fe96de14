#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// What spoord asks of glibc's allocator, through the functions its `malloc.h` declares and
/// Swift's Glibc module does not bring (looked up by name; elsewhere they are no-ops).
package enum GlibcHeap {
    /// Caps the allocator's arenas at the cores, unless `MALLOC_ARENA_MAX` says otherwise. glibc
    /// gives a thread that finds the arenas busy one of its own, up to eight a core, and each keeps
    /// what was freed into it: after a run of commands and a projection rebuild (whose decoding runs
    /// on every core) spoord's `RssAnon` stood at 40.6 to 51.8 MiB with the default and at 37.9 to
    /// 38.1 MiB with two arenas, with commands no slower and the rebuild no slower (BENCHMARKS.md,
    /// session 9). Called at start, before the threads that would make arenas. Returns the cap set,
    /// or `nil` when the environment set one or glibc is not there.
    @discardableResult
    package static func capArenas(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard environment["MALLOC_ARENA_MAX"] == nil, let mallopt else { return nil }
        let cap = max(2, ProcessInfo.processInfo.activeProcessorCount)
        return mallopt(mArenaMax, Int32(cap)) == 1 ? cap : nil
    }

    /// Gives the system back the memory the arenas keep once a rebuild has freed what it folded. On a
    /// store of 64 cases of 750 signals `RssAnon` stood at 72.7 MiB after two rebuilds and a load, of
    /// which `malloc_trim(0)` gave back 41.7 (BENCHMARKS.md). Not on the command path: a trim locks
    /// the arenas while it walks them, and trimming after evictions held a fixed-rate run's p99 at 7.8 ms.
    static func trim() { _ = mallocTrim?(0) }

    /// `M_ARENA_MAX` in glibc's `malloc.h`.
    private static let mArenaMax: Int32 = -8

    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = symbol("mallopt")
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = symbol("malloc_trim")

    private static func symbol<F>(_ name: String) -> F? {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }  // RTLD_DEFAULT
            return unsafeBitCast(symbol, to: F.self)
        #else
            return nil
        #endif
    }
}
