@testable import QualityCore
import ReportKit
import ReportKitTestSupport
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

    /// The reading byte by byte, as it was before dates and clocks were read as words: the
    /// reference the word reading must agree with on any input (the day count is
    /// ``CivilCalendar``'s, tested against Hinnant's formula on its own).
    static func byBytes(_ b: [UInt8]) -> Int64? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                guard b[index] >= 48, b[index] <= 57 else { return nil }
                value = value * 10 + Int(b[index] - 48)
            }
            return value
        }
        guard b.count >= 16, b[4] == 0x2D, b[7] == 0x2D, let year = digits(0, 4), let month = digits(5, 2),
              let day = digits(8, 2), (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year),
              [0x54, 0x74, 0x20].contains(b[10]), let hour = digits(11, 2), hour < 24, b[13] == 0x3A,
              let minute = digits(14, 2), minute < 60
        else { return nil }
        var micros = (Int64(CivilCalendar.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60)) * 1_000_000
        var index = 16
        if index < b.count, b[index] == 0x3A {
            guard let second = digits(index + 1, 2), second < 60 else { return nil }
            micros += Int64(second) * 1_000_000
            index += 3
            if index < b.count, b[index] == 0x2E {
                index += 1
                var scale: Int64 = 100_000
                let start = index
                while index < b.count, b[index] >= 48, b[index] <= 57 {
                    micros += Int64(b[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        let rest = b.count - index
        var offset = 0
        if rest == 1 {
            guard b[index] | 0x20 == 0x7A else { return nil }
        } else if rest > 0 {
            guard b[index] == 0x2B || b[index] == 0x2D, let hours = digits(index + 1, 2), hours < 24 else { return nil }
            var minutes = 0
            switch rest {
            case 3: break
            case 5: guard let value = digits(index + 3, 2) else { return nil }; minutes = value
            case 6: guard b[index + 3] == 0x3A, let value = digits(index + 4, 2) else { return nil }; minutes = value
            default: return nil
            }
            guard minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (b[index] == 0x2D ? -1 : 1)
        }
        return micros - Int64(offset) * 1_000_000
    }

    @Test("the word reading agrees with the byte reading on 300,000 mutated timestamps")
    func agreesWithTheByteReading() {
        var random = SplitMix(seed: 2024)
        let templates = ["2024-02-29T12:34:56", "1999-12-31 23:59:59.123456+01:00", "2100-02-28t00:00Z", "2023-06-30T08:15-0530",
                         "0001-01-01T00:00:00", "9999-12-31T23:59:59.9999999"]
        let alphabet = Array("0123456789-:T .Z+z/\u{7F}\u{B3}".utf8)
        var mismatches: [String] = []
        var timestamps = 0
        for round in 0..<300_000 {
            var bytes = Array(templates[round % templates.count].utf8)
            for _ in 0..<Int(random.next() % 3) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 2: bytes.remove(at: at)
                default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                }
                if bytes.isEmpty { break }
            }
            let read = bytes.withUnsafeBytes { ValueForm.timestamp($0) }
            if read != nil { timestamps += 1 }
            if read != Self.byBytes(bytes), mismatches.count < 5 { mismatches.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(timestamps > 30_000 && timestamps < 270_000, "both readings and refusals are tried: \(timestamps) timestamps")
    }
}
