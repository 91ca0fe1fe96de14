import Foundation
import Testing
@testable import SpoorProtocol

/// Found by the relay's catch-up test (issue 30): a shown event's `recordedAt`, made through a
/// `Double` of seconds, could show a time one millisecond early, and the verifier called about one
/// event in a thousand altered. The time is now written from the integer microseconds.
@Suite("An event's shown time is its microseconds cut to milliseconds, exactly")
struct EventRecordTimeTests {
    @Test(
        "every millisecond boundary, and the microseconds either side of it, is shown as the integer says",
        arguments: [
            Int64(1_796_282_727_124_000), 1_796_282_727_123_999, 1_796_282_727_000_000, 1_796_282_727_999_999, 1_796_282_727_001_000, 86_400_000_000,
        ])
    func exact(microseconds: Int64) {
        let (seconds, rest) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        let shown = EventRecord.iso8601(microseconds: microseconds)
        #expect(shown.hasSuffix(String(format: ".%03dZ", Int(rest / 1_000))), "\(shown)")
        #expect(shown.hasPrefix(Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601).dropLast()), "\(shown)")
    }

    @Test("a thousand times in a row around a second each show their own millisecond")
    func aThousandInARow() {
        for microseconds in stride(from: Int64(1_796_282_727_000_000), to: 1_796_282_728_000_000, by: 1_000) {
            #expect(EventRecord.iso8601(microseconds: microseconds).hasSuffix(String(format: ".%03dZ", Int(microseconds % 1_000_000 / 1_000))))
        }
    }
}
