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

    @Test("timestamps with and without seconds, fractions and zones; clocks out of range or malformed are not")
    func clocks() {
        let day = Int64(19_782) * 86_400  // 2024-02-29, 19,782 days after 1970-01-01
        func micros(_ seconds: Int64, _ fraction: Int64 = 0) -> Int64 { (day + seconds) * 1_000_000 + fraction }
        let cases: [(String, Int64?)] = [
            ("2024-02-29T12:34:56", micros(45_296)),
            ("2024-02-29 12:34:56", micros(45_296)),
            ("2024-02-29t00:00:00Z", micros(0)),
            ("2024-02-29T23:59:59.999999", micros(86_399, 999_999)),
            ("2024-02-29T12:34:56.5+01:00", micros(45_296 - 3600, 500_000)),
            ("2024-02-29T12:34:56-0130", micros(45_296 + 5400)),
            ("2024-02-29T12:34", micros(45_240)),
            ("2024-02-29T12:34Z", micros(45_240)),
            ("2024-02-29T12:34+02", micros(45_240 - 7200)),
            ("2024-02-29T12:34+02:00", micros(45_240 - 7200)),
            ("2024-02-29T24:00:00", nil), ("2024-02-29T12:60:00", nil), ("2024-02-29T12:34:60", nil),
            ("2024-02-29T1x:34:56", nil), ("2024-02-29T12-34-56", nil), ("2024-02-29T12:34:5", nil),
            ("2024-02-29T12:34.5", nil), ("2024-02-29T12:34:56.", nil), ("2024-02-29X12:34:56", nil),
            ("2024-02-29T12:34:56+24:00", nil), ("2023-02-29T12:34:56", nil), ("2024/02/29T12:34:56", nil),
            ("2024-02-29", nil), ("2024-02-29T12:3", nil),
        ]
        for (text, expected) in cases { #expect(Self.timestamp(text) == expected, "\(text)") }
    }
}
