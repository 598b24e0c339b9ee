@testable import ReportKit
import Testing

/// ``CivilCalendar``'s day count for 1901–2099 against Hinnant's formula, and both against
/// the inverse, over four centuries of days.
@Suite struct CivilCalendarTests {
    @Test("every day from 1800 to 2200 counts as Hinnant's formula counts it and turns back into itself")
    func daysAgreeWithTheEraFormula() {
        let first = CivilCalendar.daysByEra(year: 1800, month: 1, day: 1)
        let last = CivilCalendar.daysByEra(year: 2200, month: 12, day: 31)
        var mismatches: [String] = []
        for days in first...last {
            let (year, month, day) = CivilCalendar.civil(days)
            let counted = CivilCalendar.days(year: year, month: month, day: day)
            if counted != days || CivilCalendar.daysByEra(year: year, month: month, day: day) != days {
                mismatches.append("\(year)-\(month)-\(day): \(counted), not \(days)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 1901, month: 1, day: 1) == -25202)
        #expect(CivilCalendar.days(year: 2099, month: 12, day: 31) == 47481)
    }
}
