import Synchronization

/// How many denials of one OS user go on the record, so that a user without the right roles
/// cannot flood the log (each recorded denial is a durable append) or slow every writer down.
///
/// A token bucket per uid: `burst` denials at once, then `perMinute`. A denial over the limit is
/// still logged to the journal; the next one recorded says how many went unrecorded before it, so
/// the trail keeps their count.
final class DenialLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var refilledAt: ContinuousClock.Instant
        var unrecorded = 0
    }

    private let burst: Double
    private let perSecond: Double
    private let clock: @Sendable () -> ContinuousClock.Instant
    private let buckets = Mutex<[UInt32: Bucket]>([:])

    init(burst: Int = 20, perMinute: Int = 20, clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.burst = Double(burst)
        self.perSecond = Double(perMinute) / 60
        self.clock = clock
    }

    /// For a denial of `uid` now: the number of its denials that went unrecorded since its last
    /// recorded one, when this one is to be recorded; `nil` when it is over the limit.
    func admit(uid: UInt32) -> Int? {
        let now = clock()
        return buckets.withLock { buckets in
            var bucket = buckets[uid] ?? Bucket(tokens: burst, refilledAt: now)
            let elapsed = now - bucket.refilledAt
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * perSecond)
            bucket.refilledAt = now
            defer { buckets[uid] = bucket }
            guard bucket.tokens >= 1 else {
                bucket.unrecorded += 1
                return nil
            }
            bucket.tokens -= 1
            defer { bucket.unrecorded = 0 }
            return bucket.unrecorded
        }
    }
}
