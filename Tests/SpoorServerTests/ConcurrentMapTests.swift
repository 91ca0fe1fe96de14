@testable import SpoorServer
import Testing

@Suite("A map on every core")
struct ConcurrentMapTests {
    @Test("every element is mapped once, the results in the input's order, whatever the count", arguments: [0, 1, 63, 128, 129, 10_001])
    func orderAndCount(count: Int) {
        let items = Array(0..<count)
        #expect(ConcurrentMap.map(items) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }
}
