import Synchronization
import Testing
@testable import SpoorApplication
@testable import SpoorServer

@Suite("Denials on the record, per user, bounded")
struct DenialLimiterTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let now = Mutex(ContinuousClock.now)
        func advance(_ duration: Duration) { now.withLock { $0 += duration } }
        var instant: ContinuousClock.Instant { now.withLock { $0 } }
    }

    @Test func aBurstIsRecordedThenTheRestIsCountedAndReportedWithTheNextRecordedOne() {
        let clock = ManualClock()
        let limiter = DenialLimiter(burst: 3, perMinute: 6, clock: { clock.instant })
        #expect((0..<3).map { _ in limiter.admit(uid: 1001) } == [0, 0, 0])
        #expect((0..<5).map { _ in limiter.admit(uid: 1001) } == [nil, nil, nil, nil, nil])
        #expect(limiter.admit(uid: 1002) == 0)  // another user has a bucket of its own
        clock.advance(.seconds(10))  // six a minute: one more after ten seconds
        #expect(limiter.admit(uid: 1001) == 5)
        #expect(limiter.admit(uid: 1001) == nil)
        clock.advance(.seconds(3_600))  // a long pause refills the burst, no more
        #expect((0..<4).map { _ in limiter.admit(uid: 1001) } == [1, 0, 0, nil])
    }
}
