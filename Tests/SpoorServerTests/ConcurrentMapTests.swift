@testable import SpoorApplication
@testable import SpoorServer
import Testing

@Suite("A map on every core")
struct ConcurrentMapTests {
    @Test("every element is mapped once, the results in the input's order, whatever the count", arguments: [0, 1, 63, 128, 129, 10_001])
    func orderAndCount(count: Int) {
        let items = Array(0..<count)
        #expect(ConcurrentMap.map(items) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }

    @Test("a few elements of very different cost: all mapped, in order", arguments: [2, 3, 7])
    func unevenWork(count: Int) {
        let items = Array(0..<count)
        let mapped = ConcurrentMap.map(items) { item -> Int in
            var spin = 0
            for step in 0..<(item == 0 ? 200_000 : 10) { spin &+= step }  // the first costs far more
            return spin >= 0 ? item : -1
        }
        #expect(mapped == items)
    }
}
