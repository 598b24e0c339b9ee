import Foundation
import ReportKit
import Testing

/// Timestamps stay within the years 0000 to 9999 (issue 17): parsing refuses others, moving
/// out of the range throws, and formatting never traps or prints a five-digit year.
@Suite("Timestamp range")
struct TimestampRangeTests {
    @Test("an offset that moves the instant out of years 0000–9999 does not parse")
    func parseRefusesOutOfRange() {
        #expect(Timestamp.parse("0000-01-01T00:00+01:00") == nil)
        #expect(Timestamp.parse("9999-12-31T23:59:59-01:00") == nil)
        #expect(Timestamp.parse("0000-01-01T00:00Z").map(Timestamp.day) == "0000-01-01")
        #expect(Timestamp.parse("9999-12-31T23:59:59Z").map(Timestamp.iso8601) == "9999-12-31T23:59:59Z")
    }

    @Test("moving past either end throws; within, it moves")
    func addingThrowsOutsideRange() throws {
        let may1 = try #require(Timestamp.parse("2020-05-01T04:05:06Z"))
        #expect(throws: TimestampRangeError.self) { try Timestamp.adding(-3e15 * 3600, to: may1) }
        #expect(throws: TimestampRangeError.self) { try Timestamp.adding(9000 * 366 * 86_400, to: may1) }
        #expect(throws: TimestampRangeError.self) { try Timestamp.adding(.infinity, to: may1) }
        #expect(Timestamp.iso8601(try Timestamp.adding(-3600, to: may1)) == "2020-05-01T03:05:06Z")
    }

    @Test("a date far outside the range formats as the nearest end, without a trap")
    func formattingClamps() {
        #expect(Timestamp.day(Date(timeIntervalSince1970: -1e19)) == "0000-01-01")
        #expect(Timestamp.day(Date(timeIntervalSince1970: 1e19)) == "9999-12-31")
        #expect(Timestamp.day(Date(timeIntervalSince1970: .nan)) == "0000-01-01")
    }
}
