@testable import QualityCore
import ReportKit
import Testing

/// ``ValueForm``'s dates and timestamps on every day of some years, and the days that are not.
@Suite struct ValueFormDateTests {
    static func date(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBytes { ValueForm.date($0) } }
    static func timestamp(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBytes { ValueForm.timestamp($0) } }

    static func text(_ year: Int, _ month: Int, _ day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    @Test("every day of leap and common years reads as its day count; the day after each month's last does not",
          arguments: [1900, 1999, 2000, 2023, 2024, 2100])
    func everyDay(year: Int) {
        let first = CivilCalendar.days(year: year, month: 1, day: 1)
        let last = CivilCalendar.days(year: year, month: 12, day: 31)
        for days in first...last {
            let (y, m, d) = CivilCalendar.civil(days)
            let text = Self.text(y, m, d)
            #expect(Self.date(text) == Int64(days), "\(text)")
            #expect(Self.timestamp(text + "T23:59:59") == (Int64(days) * 86_400 + 86_399) * 1_000_000, "\(text)T23:59:59")
        }
        for month in 1...12 {
            let past = Self.text(year, month, CivilCalendar.daysIn(month: month, year: year) + 1)
            #expect(Self.date(past) == nil, "\(past)")
            #expect(Self.timestamp(past + "T00:00:00") == nil, "\(past)T00:00:00")
            #expect(Self.date(Self.text(year, month, 0)) == nil)
        }
        #expect(Self.date(Self.text(year, 13, 1)) == nil)
        #expect(Self.date(Self.text(year, 0, 1)) == nil)
    }
}
