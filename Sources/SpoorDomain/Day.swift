import SpoorJSON

/// A calendar day, the unit of the meldcode's deadlines and of ages: `2026-11-29`.
///
/// Kept apart from instants on purpose: a birth date or a report date has no time zone.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, JSONString {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A valid date in the proleptic Gregorian calendar between the years 1900 and 2999.
    public init(year: Int, month: Int, day: Int) throws(DomainError) {
        guard (1900...2999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { throw .invalidField("date", "\(year)-\(month)-\(day) is not a valid date") }
        ordinal = Self.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`.
    public init(parsing text: String) throws(DomainError) {
        var text = text
        let parsed = text.withUTF8 { bytes in Self.parse(bytes) }
        guard let (year, month, day) = parsed else { throw .invalidField("date", "\"\(text)\" is not a date of the form YYYY-MM-DD") }
        try self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of `YYYY-MM-DD`, read in place (an array of its bytes cost a rebuild an allocation a date).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        return (year, month, day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Monday to Friday; ``WorkingCalendar`` takes out the holidays.
    public var isWeekday: Bool { (ordinal + 3) % 7 < 5 }  // 1970-01-01 was a Thursday
    var isSunday: Bool { (ordinal + 3) % 7 == 6 }

    /// Whole years from this birth date to `day`.
    public func age(on day: Day) -> Int {
        let (by, bm, bd) = components
        let (y, m, d) = day.components
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            self = try Day(parsing: try container.decode(String.self))
        } catch let DomainError.invalidField(_, problem) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The day `YYYY-MM-DD` names, read straight by SpoorJSON; `nil` for anything else, which
    /// `init(from:)` then refuses with the reason.
    public init?(jsonString string: String) { try? self.init(parsing: string) }
    /// `YYYY-MM-DD`, as `encode(to:)` writes it.
    public var jsonString: String { description }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
