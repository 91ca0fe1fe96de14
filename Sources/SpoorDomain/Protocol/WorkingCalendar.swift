import SpoorJSON
/// Which days count as working days for the protocol's deadlines: Monday to Friday, less the
/// public holidays the institution observes and the days it is closed.
public struct WorkingCalendar: Codable, Sendable, Equatable {
    /// The holidays observed, from the Dutch ones Spoor can compute for any year.
    public var holidays: [DutchHoliday]
    /// Further days the institution is closed, such as a bridge day.
    public var closedDays: [Day]
    public var source: String

    public init(holidays: [DutchHoliday], closedDays: [Day] = [], source: String) {
        self.holidays = holidays
        self.closedDays = closedDays
        self.source = source
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        guard day.isWeekday, !closedDays.contains(day) else { return false }
        let year = day.components.year
        return !holidays.contains { $0.day(in: year) == day }
    }

    /// The day `count` working days after `day`.
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var day = day
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `day` up to and including `later`.
    public func workingDays(from day: Day, until later: Day) -> Int {
        guard later > day else { return 0 }
        return (day.ordinal + 1...later.ordinal).count { isWorkingDay(Day(ordinal: $0)) }
    }

    /// The last day of a period that starts on `day`.
    public func deadline(_ period: InstitutionProtocol.Period, from day: Day) -> Day {
        if let workingDays = period.workingDays { return adding(workingDays: workingDays, to: day) }
        return day.adding(days: period.days ?? 0)
    }
}

/// The Dutch public holidays of the Algemene termijnenwet (art. 3: "de Nieuwjaarsdag, de
/// Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen, de Hemelvaartsdag, de dag
/// waarop de verjaardag van de Koning wordt gevierd en de vijfde mei"), and Good Friday, which
/// many collective agreements add.
public enum DutchHoliday: String, Codable, Sendable, CaseIterable, NamedValues {
    case newYearsDay = "new-years-day"
    case goodFriday = "good-friday"
    case easterMonday = "easter-monday"
    case kingsDay = "kings-day"
    case liberationDay = "liberation-day"
    case ascensionDay = "ascension-day"
    case whitMonday = "whit-monday"
    case christmasDay = "christmas-day"
    case boxingDay = "boxing-day"

    /// The day it falls on in `year`.
    public func day(in year: Int) -> Day {
        func date(_ month: Int, _ day: Int) -> Day { Day(ordinal: Day.ordinal(year: year, month: month, day: day)) }
        let easter = Self.easterSunday(year)
        switch self {
        case .newYearsDay: return date(1, 1)
        case .goodFriday: return easter.adding(days: -2)
        case .easterMonday: return easter.adding(days: 1)
        case .kingsDay:  // 27 April, or the 26th when the 27th is a Sunday
            let day = date(4, 27)
            return day.isSunday ? day.adding(days: -1) : day
        case .liberationDay: return date(5, 5)
        case .ascensionDay: return easter.adding(days: 39)
        case .whitMonday: return easter.adding(days: 50)
        case .christmasDay: return date(12, 25)
        case .boxingDay: return date(12, 26)
        }
    }

    /// Western Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(ordinal: Day.ordinal(year: year, month: month, day: day))
    }
}
