/// Proleptic Gregorian day arithmetic (H. Hinnant's algorithms), shared by ``Timestamp`` and
/// every reader of dates: days are counted from 1970-01-01, negative before it.
public enum CivilCalendar {
    /// Days from 1970-01-01 to the given day (a valid one). Years 1901–2099, where every
    /// fourth year is a leap year, are counted with no division but by constants: the leap
    /// days before the year and the month's first day by the almanacs' `⌊275·m/9⌋` rule
    /// (inlinable: a profile reads a timestamp cell's day tens of millions of times); other
    /// years by Hinnant's formula, which gives the same for those.
    @inlinable
    public static func days(year: Int, month: Int, day: Int) -> Int {
        guard year >= 1901, year <= 2099, month >= 1, month <= 12 else { return daysByEra(year: year, month: month, day: day) }
        let sinceEpoch = year - 1970
        // Leap days before 1 January of `year` since 1970 (1972 the first; 1969 back to 1904 before it).
        let leapDays = (sinceEpoch + 1) >> 2
        let leapYear = year & 3 == 0
        // Days of the year before the month's first: ⌊275·m/9⌋ − 30, less 2 past February (1 in a leap year).
        let monthStart = 275 * month / 9 - 30 - (month > 2 ? (leapYear ? 1 : 2) : 0)
        return sinceEpoch * 365 + leapDays + monthStart + day - 1
    }

    /// ``days(year:month:day:)`` by Hinnant's `days_from_civil`, for any year.
    @usableFromInline
    static func daysByEra(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar day `days` after 1970-01-01.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// How many days `month` (1–12) of `year` has.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
