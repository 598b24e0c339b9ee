import ReportKit

/// A day of the calendar, `YYYY-MM-DD`: a request's date, with no time or zone.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `text` as a day: four-digit year, two-digit month and day, a date that exists.
    public init(_ text: String) throws(RegistryProblem) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { throw RegistryProblem("'\(text)' is not a date (YYYY-MM-DD)") }
        guard (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day) else {
            throw RegistryProblem("'\(text)' is not a day of the calendar")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM`, for counting requests per month.
    public var monthText: String { "\(String(year).leftPadded(to: 4))-\(String(month).leftPadded(to: 2))" }

    public var description: String { "\(monthText)-\(String(day).leftPadded(to: 2))" }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
