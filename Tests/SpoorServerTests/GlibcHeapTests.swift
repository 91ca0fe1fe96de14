import Foundation
@testable import SpoorApplication
@testable import SpoorServer
import Testing

@Suite("glibc's heap, as spoord tunes it")
struct GlibcHeapTests {
    @Test("the arenas are capped at the cores (two at least), unless MALLOC_ARENA_MAX says otherwise")
    func arenaCap() {
        #if canImport(Glibc)
            #expect(GlibcHeap.capArenas(environment: [:]) == max(2, ProcessInfo.processInfo.activeProcessorCount))
        #endif
        #expect(GlibcHeap.capArenas(environment: ["MALLOC_ARENA_MAX": "4"]) == nil)
    }
}
