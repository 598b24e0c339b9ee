import Foundation

/// Reading and writing the instants reports deal in, without `Calendar` or a global clock.
///
/// Accepted forms (ISO 8601 / RFC 3339 and the slips original's own cutoff format):
///
///     2020-04-26                      midnight UTC
///     2020-04-26T10:05  2020-04-26 10:05:06  2020-04-26T10:05:06.123456
///     …Z  …+02:00  …+0200  …+02  … UTC      a zone; none means UTC
///
/// An offset is applied: `2020-04-26T01:00+02:00` is `2020-04-25T23:00Z`.
///
/// Every instant is within ``range`` (years 0000 to 9999, what four digits print): parsing
/// refuses one outside it (`0000-01-01T00:00+01:00` too), ``adding(_:to:)`` throws rather
/// than leave it, and the formatters never print another year.
public enum Timestamp {
    /// `0000-01-01T00:00:00Z`, the earliest instant.
    public static let earliest = Date(timeIntervalSince1970: Double(CivilCalendar.days(year: 0, month: 1, day: 1)) * 86_400)
    /// `10000-01-01T00:00:00Z`, just after the latest instant.
    public static let end = Date(timeIntervalSince1970: Double(CivilCalendar.days(year: 10_000, month: 1, day: 1)) * 86_400)
    /// The instants timestamps denote: years 0000 to 9999 (UTC).
    public static let range = earliest..<end

    /// `date` moved by `seconds`.
    ///
    /// - Throws: ``TimestampRangeError`` when the result (or `seconds`) leaves ``range``.
    public static func adding(_ seconds: Double, to date: Date) throws(TimestampRangeError) -> Date {
        let moved = date.addingTimeInterval(seconds)
        guard seconds.isFinite, range.contains(date), range.contains(moved) else {
            throw TimestampRangeError(start: date, seconds: seconds)
        }
        return moved
    }

    /// The instant `text` denotes, or `nil` when it is not one of the accepted forms.
    public static func parse(_ text: String) -> Date? {
        // Read in place: a big table parses a few million of these.
        var text = text
        return text.withUTF8 { utf8 in
            // Trim surrounding spaces.
            var count = utf8.count
            while count > 0, utf8[count - 1] == UInt8(ascii: " ") { count -= 1 }
            return parse(Cursor(bytes: UnsafeBufferPointer(rebasing: utf8[0..<count])))
        }
    }

    private static func parse(_ cursor: Cursor) -> Date? {
        var cursor = cursor
        cursor.skipSpaces()
        guard let year = cursor.digits(exactly: 4), cursor.take("-"),
              let month = cursor.digits(exactly: 2), cursor.take("-"),
              let day = cursor.digits(exactly: 2),
              (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(CivilCalendar.days(year: year, month: month, day: day)) * 86_400
        if cursor.atEnd { return Date(timeIntervalSince1970: seconds) }

        guard cursor.take("T") || cursor.take("t") || cursor.take(" "),
              let hour = cursor.digits(exactly: 2), hour < 24, cursor.take(":"),
              let minute = cursor.digits(exactly: 2), minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if cursor.take(":") {
            guard let second = cursor.digits(exactly: 2), second < 61 else { return nil }
            seconds += Double(second)
            if cursor.take(".") || cursor.take(",") {
                guard let fraction = cursor.fraction() else { return nil }
                seconds += fraction
            }
        }
        guard let offset = cursor.zoneOffset(), cursor.atEnd else { return nil }
        let instant = Date(timeIntervalSince1970: seconds - Double(offset))
        return range.contains(instant) ? instant : nil
    }

    /// `YYYY-MM-DD` of `date` in UTC.
    public static func day(_ date: Date) -> String {
        let parts = components(date)
        // Years are 0000-9999 (``components(_:)`` keeps to ``range``): ten ASCII bytes, written
        // in place (a big payload formats a few hundred thousand of these).
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digits(_ value: Int, _ count: Int, at start: Int) {
                var rest = value
                for offset in stride(from: start + count - 1, through: start, by: -1) {
                    bytes[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            digits(parts.year, 4, at: 0)
            bytes[4] = UInt8(ascii: "-")
            digits(parts.month, 2, at: 5)
            bytes[7] = UInt8(ascii: "-")
            digits(parts.day, 2, at: 8)
            return 10
        }
    }

    /// `YYYY-MM-DD HH:MM UTC` of `date`.
    public static func minuteUTC(_ date: Date) -> String {
        let parts = components(date)
        return "\(day(date)) \(pad(parts.hour, 2)):\(pad(parts.minute, 2)) UTC"
    }

    /// `YYYY-MM-DD HH:MM:SS UTC` of `date`: how the slips cutoff is stored.
    public static func secondUTC(_ date: Date) -> String {
        let parts = components(date)
        return "\(day(date)) \(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)) UTC"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of `date` (whole seconds, rounded down).
    public static func iso8601(_ date: Date) -> String {
        let parts = components(date)
        return "\(day(date))T\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))Z"
    }

    /// Calendar fields of `date` in UTC (seconds rounded down).
    ///
    /// A date outside ``range`` (which no parse or ``adding(_:to:)`` gives) is taken as the
    /// nearest end of it, never a trap: `Int` of a huge or infinite interval would be one.
    public static func components(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let interval = date.timeIntervalSince1970
        let lowest = earliest.timeIntervalSince1970, highest = end.timeIntervalSince1970 - 1
        let total = Int(interval.isNaN ? lowest : min(max(interval, lowest), highest).rounded(.down))
        let days = total >= 0 ? total / 86_400 : -((-total + 86_399) / 86_400)
        let secondOfDay = total - days * 86_400
        let civil = CivilCalendar.civil(days)
        return (civil.year, civil.month, civil.day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    /// Whole days from `earlier` to `later`, rounded toward negative infinity
    /// (what Python's `timedelta.days` gives: −29.5 days is −30).
    public static func wholeDays(from earlier: Date, to later: Date) -> Int {
        Int((later.timeIntervalSince(earlier) / 86_400).rounded(.down))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// A byte cursor over a timestamp's text.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    mutating func digits(exactly count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            value += Double(bytes[index] - 48) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }

    /// Seconds east of UTC: `Z`, `±HH:MM`, `±HHMM`, `±HH`, ` UTC`, ` GMT`, or nothing (UTC).
    mutating func zoneOffset() -> Int? {
        if atEnd { return 0 }
        if take("Z") || take("z") { return 0 }
        let save = index
        skipSpaces()
        if index > save || bytes[index] == UInt8(ascii: "U") || bytes[index] == UInt8(ascii: "G") {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self)
            if rest == "UTC" || rest == "GMT" || rest == "Z" {
                index = bytes.count
                return 0
            }
        }
        guard index < bytes.count else { return nil }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = digits(exactly: 2), hours < 24 else { return nil }
        var minutes = 0
        if take(":") {
            guard let value = digits(exactly: 2), value < 60 else { return nil }
            minutes = value
        } else if let value = digits(exactly: 2) {
            guard value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}

/// Moving an instant would leave the years 0000 to 9999 (bad input: exit 2).
public struct TimestampRangeError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var start: Date
    public var seconds: Double
    public var category: ErrorCategory { .badInput }
    public var description: String {
        "\(seconds) seconds from \(Timestamp.iso8601(start)) leaves the years 0000 to 9999"
    }
}
