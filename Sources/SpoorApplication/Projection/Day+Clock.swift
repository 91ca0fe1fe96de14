import Foundation
import SpoorDomain

/// The daemon's clock, as the meldcode counts it: in calendar days, in the server's time zone.
extension Day {
    /// The calendar day `date` falls on in the daemon's time zone (Europe/Amsterdam on a Dutch server).
    init(_ date: Date, in timeZone: TimeZone = .current) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(ordinal: Int((seconds / 86_400).rounded(.down)))
    }

    static var today: Day { Day(Date()) }
}
