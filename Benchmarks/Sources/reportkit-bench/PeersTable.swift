import Foundation

/// The table `Benchmarks/peers.sh` profiles and checks with ReportKit, pandas, polars and
/// Soda Core: about 100 bytes a row (10M rows ≈ 1 GB), the same bytes for the same row count.
///
/// Columns: `id` (unique, 1…N), `qty` (integers 0…999, small ones more often), `amount`
/// (2 decimals, −20000.00…99999.99), `note` (text: plain, with commas, with doubled quotes,
/// 4% over two lines, some non-ASCII), `category` (12 values, skewed so the top is clear),
/// `active` (`true`/`false`, one in three true), `created_at` (ISO 8601 timestamp without a
/// zone, in 2024), `day` (a date, 2020…2024). Every column but `id` is empty (missing) in
/// 5% of the rows, each cell drawn on its own.
enum PeersTable {
    static let header = "id,qty,amount,note,category,active,created_at,day\n"
    static let categories = ["retail", "online", "wholesale", "partner", "export", "import",
                             "north", "south", "east", "west", "central", "other"]
    static let words = ["order", "late", "fragile", "gift", "returned", "Tromsø", "café", "priority",
                        "box", "customer", "pallet", "signed", "naïve", "Zürich", "door", "invoice"]

    /// Writes `rows` rows to `path`; returns the bytes written.
    static func write(rows: Int, to path: String) throws -> Int {
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteNoPermission) }
        defer { fclose(file) }
        var random = Xorshift(state: 0x5DEE_CE66_D1CE_4E5B)
        let days = dayTexts(from: 2020, through: 2024)
        let firstDayOf2024 = days.firstIndex { $0.starts(with: Array("2024-".utf8)) }!
        let categoryBytes = categories.map { Array($0.utf8) }, wordBytes = words.map { Array($0.utf8) }
        var buffer: [UInt8] = Array(header.utf8)
        buffer.reserveCapacity(1 << 21)
        var written = 0
        for row in stride(from: 1, through: rows, by: 1) {
            buffer.appendDecimal(row)
            // qty: the smaller of two draws, so 0 is the most frequent value.
            buffer.append(UInt8(ascii: ","))
            if !random.missing() { buffer.appendDecimal(min(random.next(1000), random.next(1000))) }
            buffer.append(UInt8(ascii: ","))
            if !random.missing() {
                let cents = random.next(12_000_000) - 2_000_000
                if cents < 0 { buffer.append(UInt8(ascii: "-")) }
                buffer.appendDecimal(abs(cents) / 100)
                buffer.append(UInt8(ascii: "."))
                buffer.appendTwoDigits(abs(cents) % 100)
            }
            buffer.append(UInt8(ascii: ","))
            if !random.missing() { appendNote(to: &buffer, random: &random, words: wordBytes) }
            buffer.append(UInt8(ascii: ","))
            if !random.missing() {
                // The smaller of two draws: the first categories are the most frequent.
                buffer.append(contentsOf: categoryBytes[min(random.next(12), random.next(12))])
            }
            buffer.append(UInt8(ascii: ","))
            if !random.missing() { buffer.append(contentsOf: random.next(3) == 0 ? Self.yes : Self.noValue) }
            buffer.append(UInt8(ascii: ","))
            if !random.missing() {
                let second = random.next(366 * 86_400)
                buffer.append(contentsOf: days[firstDayOf2024 + second / 86_400])
                buffer.append(UInt8(ascii: "T"))
                buffer.appendTwoDigits(second % 86_400 / 3600)
                buffer.append(UInt8(ascii: ":"))
                buffer.appendTwoDigits(second % 3600 / 60)
                buffer.append(UInt8(ascii: ":"))
                buffer.appendTwoDigits(second % 60)
            }
            buffer.append(UInt8(ascii: ","))
            if !random.missing() { buffer.append(contentsOf: days[random.next(days.count)]) }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                fwrite(buffer, 1, buffer.count, file)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        fwrite(buffer, 1, buffer.count, file)
        return written + buffer.count
    }

    /// A note of four words and a number: plain (60%), quoted with commas (20%), quoted with
    /// doubled quotes (16%) or quoted over two lines (4%); at most 54 characters.
    private static func appendNote(to buffer: inout [UInt8], random: inout Xorshift, words: [[UInt8]]) {
        let kind = random.next(100)
        let picked = (0..<4).map { _ in words[random.next(words.count)] }
        let number = random.next(100_000)
        func put(_ parts: [UInt8]...) { for part in parts { buffer.append(contentsOf: part) } }
        let (space, quote) = ([UInt8(ascii: " ")], [UInt8(ascii: "\"")])
        switch kind {
        case ..<60: put(picked[0], space, picked[1], space, picked[2], space, picked[3], Self.number)
        case ..<80: put(quote, picked[0], Self.comma, picked[1], space, picked[2], space, picked[3], Self.comma, Self.numberAfterComma)
        case ..<96: put(Self.said, picked[0], Self.about, picked[1], space, picked[2], space, picked[3], space)
        default: put(quote, picked[0], space, picked[1], [UInt8(ascii: "\n")], picked[2], space, picked[3], space)
        }
        buffer.appendDecimal(number)
        if kind >= 60 { buffer.append(UInt8(ascii: "\"")) }
    }

    private static let (yes, noValue) = (Array("true".utf8), Array("false".utf8))
    private static let (number, numberAfterComma) = (Array(" no ".utf8), Array("no ".utf8))
    private static let (comma, said, about) = (Array(", ".utf8), Array("\"said \"\"".utf8), Array("\"\" about ".utf8))

    /// `YYYY-MM-DD` of every day of the years, in order.
    private static func dayTexts(from firstYear: Int, through lastYear: Int) -> [[UInt8]] {
        var texts: [[UInt8]] = []
        for year in firstYear...lastYear {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            for (month, length) in [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].enumerated() {
                for day in 1...length {
                    var text = Array("\(year)-".utf8)
                    text.appendTwoDigits(month + 1)
                    text.append(UInt8(ascii: "-"))
                    text.appendTwoDigits(day)
                    texts.append(text)
                }
            }
        }
        return texts
    }
}

/// xorshift64: the same sequence on every machine, so the same row count gives the same file.
struct Xorshift {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    /// True for one cell in twenty.
    mutating func missing() -> Bool { next(20) == 0 }
}

extension [UInt8] {
    mutating func appendDecimal(_ value: Int) {
        if value >= 10 { appendDecimal(value / 10) }
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    mutating func appendTwoDigits(_ value: Int) {
        append(UInt8(ascii: "0") + UInt8(value / 10))
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
