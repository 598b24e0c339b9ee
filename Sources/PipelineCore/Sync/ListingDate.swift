/// The dates directory listings print, read into one naive form, `YYYY-MM-DDTHH:MM[:SS]`.
///
/// - IIS (download.bls.gov): `8/6/2026  8:30 AM` (month/day/year, 12-hour clock);
/// - Apache autoindex: `2026-08-06 08:30` (or with seconds);
/// - nginx autoindex and older Apache: `06-Aug-2026 08:30`.
///
/// Listings give local server time with no zone, so the value is compared, never converted.
enum ListingDate {
    /// The date at the start of `tokens` (a day token, a time token and an optional AM/PM)
    /// and how many tokens it took; `nil` when they spell no date.
    static func read(_ tokens: ArraySlice<String>) -> (date: String, used: Int)? {
        guard let first = tokens.first, tokens.count >= 2 else { return nil }
        let timeToken = tokens[tokens.startIndex + 1]
        guard let day = day(first), let (startHour, minute, second) = time(timeToken) else { return nil }
        var hour = startHour
        var used = 2
        if tokens.count >= 3 {
            let marker = tokens[tokens.startIndex + 2].uppercased()
            if marker == "AM" || marker == "PM" {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (marker == "PM" ? 12 : 0)
                used = 3
            }
        }
        guard hour < 24, minute < 60, (second ?? 0) < 60 else { return nil }
        var text = "\(pad(day.year, 4))-\(pad(day.month, 2))-\(pad(day.day, 2))T\(pad(hour, 2)):\(pad(minute, 2))"
        if let second { text += ":\(pad(second, 2))" }
        return (text, used)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `8/6/2026`, `2026-08-06` or `06-Aug-2026`.
    static func day(_ token: String) -> (year: Int, month: Int, day: Int)? {
        let slashed = token.split(separator: "/", omittingEmptySubsequences: false)
        let dashed = token.split(separator: "-", omittingEmptySubsequences: false)
        var parts: (Int, Int, Int)?
        if slashed.count == 3, let m = number(slashed[0], 1...2), let d = number(slashed[1], 1...2), let y = number(slashed[2], 4...4) {
            parts = (y, m, d)
        } else if dashed.count == 3, let y = number(dashed[0], 4...4), let m = number(dashed[1], 2...2), let d = number(dashed[2], 2...2) {
            parts = (y, m, d)
        } else if dashed.count == 3, let d = number(dashed[0], 1...2), let m = months.firstIndex(of: dashed[1].lowercased()), let y = number(dashed[2], 4...4) {
            parts = (y, m + 1, d)
        }
        guard let (year, month, day) = parts, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    /// `8:30`, `08:30` or `08:30:15`.
    static func time(_ token: String) -> (Int, Int, Int?)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let hour = number(parts[0], 1...2), let minute = number(parts[1], 2...2) else { return nil }
        if parts.count == 3 {
            guard let second = number(parts[2], 2...2) else { return nil }
            return (hour, minute, second)
        }
        return (hour, minute, nil)
    }

    /// The decimal digits of `text`, when it has a length in `digits` and nothing else.
    static func number(_ text: Substring, _ digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
