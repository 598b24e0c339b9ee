@testable import ReportKit
import ReportKitTestSupport
import Testing

/// The scanner's word-at-a-time (SWAR) paths: a field's end and its digits found in the eight
/// bytes from its start. Checked against byte-by-byte answers, so a wrong mask or shift fails.
@Suite("CSV scanner, a word at a time")
struct CSVWordScanTests {
    /// `bytes` (at most 8) as the scanner loads them: little-endian, the first byte lowest.
    static func word(_ bytes: [UInt8]) -> UInt64 {
        var word: UInt64 = 0
        for (position, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * UInt64(position)) }
        return word
    }

    @Test("every field of 1 to 4 digits has its value, with any bytes after it in the word")
    func digits() {
        var failures: [String] = []
        for length in 1...4 {
            var limit = 1
            for _ in 0..<length { limit *= 10 }
            for number in 0..<limit {
                var text = String(number)
                while text.count < length { text = "0" + text }
                // What follows the field in the word: a delimiter, digits, high bytes.
                for tail: [UInt8] in [[0x3B, 0x31, 0x32, 0x33], [0x39, 0x39, 0x39, 0x39], [0xFF, 0x00, 0x80, 0x3A]] {
                    let bytes = Array(text.utf8) + tail + [0x30, 0x30, 0x30, 0x30]
                    let offsets = SmallDigits.offsets(Self.word(Array(bytes.prefix(8))))
                    let value = SmallDigits.value(offsets, length: length)
                    if value != UInt32(number) { failures.append("\(text): \(value)") }
                    let run = SmallDigits.digitRun(offsets)
                    let expectedRun = bytes.prefix(8).prefix { (0x30...0x39).contains($0) }.count
                    if run != expectedRun { failures.append("\(text)\(tail): a run of \(run), expected \(expectedRun)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("the run of digits a word starts with ends at the first byte that is not one")
    func digitRuns() {
        var generator = SplitMix(seed: 11)
        var failures: [String] = []
        // Digits and the bytes beside them in the code table, and bytes with the high bit set.
        let alphabet: [UInt8] = Array(0x2E...0x3B) + [0x00, 0x0A, 0x0D, 0x20, 0x7F, 0x80, 0xB0, 0xB9, 0xBA, 0xC3, 0xF0, 0xFA, 0xFF]
        for _ in 0..<50_000 {
            // Mostly digits, so that runs of every length come up.
            let bytes = (0..<8).map { _ in
                generator.next() % 4 == 0 ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(0x30 + generator.next() % 10)
            }
            let expected = bytes.prefix { (0x30...0x39).contains($0) }.count
            let run = SmallDigits.digitRun(SmallDigits.offsets(Self.word(bytes)))
            if run != expected { failures.append("\(bytes): \(run), expected \(expected)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("the first delimiter or line end in a word is found wherever it is")
    func fieldEnd() {
        let search = ByteSearch(UInt8(ascii: ";"), 0x0A, 0x0D)
        var generator = SplitMix(seed: 7)
        var failures: [String] = []
        let alphabet: [UInt8] = [0x3B, 0x0A, 0x0D, 0x22, 0x30, 0x39, 0x3A, 0x3C, 0x0B, 0x0C, 0xBB, 0x8A, 0x8D, 0x00, 0xFF, 0x61]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let expected = bytes.firstIndex { $0 == 0x3B || $0 == 0x0A || $0 == 0x0D } ?? 8
            let found = search.first(inWord: Self.word(bytes))
            if found != expected { failures.append("\(bytes): \(found), expected \(expected)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    /// The records of `bytes` as a byte-by-byte reader of the scanner's rules reads them: each
    /// field's value and small whole number, or `nil` for input the scanner must refuse.
    static func reference(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ";"), quote: UInt8 = UInt8(ascii: "\"")) -> [[String]]? {
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        var records: [[String]] = []
        var index = 0
        let count = bytes.count
        while index < count {
            if isBreak(bytes[index]) { index += 1; continue }
            var fields: [String] = []
            fieldLoop: while true {
                if index < count, bytes[index] == quote {
                    var cursor = index + 1
                    var value: [UInt8] = []
                    while true {
                        guard cursor < count else { return nil }
                        if bytes[cursor] == quote {
                            if cursor + 1 < count, bytes[cursor + 1] == quote { value.append(quote); cursor += 2; continue }
                            break
                        }
                        value.append(bytes[cursor])
                        cursor += 1
                    }
                    fields.append("q:" + String(decoding: value, as: UTF8.self))
                    index = cursor + 1
                    if index == count { break fieldLoop }
                    if bytes[index] == delimiter { index += 1; continue }
                    guard isBreak(bytes[index]) else { return nil }
                } else {
                    var end = index
                    while end < count, bytes[end] != delimiter, !isBreak(bytes[end]) { end += 1 }
                    let value = Array(bytes[index..<end])
                    let small = (1...4).contains(value.count) && value.allSatisfy { (0x30...0x39).contains($0) }
                    fields.append((small ? "n\(Int(String(decoding: value, as: UTF8.self))!):" : "t:") + String(decoding: value, as: UTF8.self))
                    index = end
                    if index == count { break fieldLoop }
                    if bytes[index] == delimiter { index += 1; continue }
                }
                // A line end: `\r\n` is one.
                if bytes[index] == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                break fieldLoop
            }
            records.append(fields)
        }
        return records
    }

    /// What the scanner reads from `bytes` fed in pieces cut at `cuts`, in the reference's terms.
    static func scanned(_ bytes: [UInt8], cuts: [Int]) -> [[String]]? {
        var records: [[String]] = []
        func take(_ record: CSVRecord) {
            records.append((0..<record.count).map { position in
                let field = record[position]
                let value = record.string(position)
                if field.isQuoted { return "q:" + value }
                return (field.smallWholeNumber.map { "n\($0):" } ?? "t:") + value
            })
        }
        var scanner = CSVScanner(dialect: .semicolon, file: "t.csv")
        do {
            var start = 0
            for cut in cuts + [bytes.count] where cut >= start {
                try scanner.feed(Array(bytes[start..<cut]), take)
                start = cut
            }
            try scanner.finish(take)
        } catch {
            return nil
        }
        return records
    }

    @Test("random files read as the byte-by-byte reference reads them, whole and in pieces",
          arguments: [(1, 24), (2, 60), (3, 200)])
    func randomFiles(seed: UInt64, longest: Int) {
        var generator = SplitMix(seed: seed)
        // Mostly digits and delimiters, as statistics files are, with quotes and every line end.
        let alphabet = Array("0123456789;;;;;\n\r\"ab".utf8)
        var failures: [String] = []
        var refused = 0
        for _ in 0..<3_000 {
            let length = Int(generator.next() % UInt64(longest + 1))
            var bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            // Often no quotes at all, so that most inputs are files the scanner accepts.
            if generator.next() % 2 == 0 { bytes = bytes.map { $0 == UInt8(ascii: "\"") ? UInt8(ascii: "7") : $0 } }
            let expected = Self.reference(bytes)
            if expected == nil { refused += 1 }
            var cutsList: [[Int]] = [[]]
            if length > 1 {
                let cut = 1 + Int(generator.next() % UInt64(length - 1))
                cutsList.append([cut])
                cutsList.append([cut / 2, cut, min(length, cut + 3)])
            }
            for cuts in cutsList {
                let found = Self.scanned(bytes, cuts: cuts)
                if found != expected {
                    failures.append("\(String(decoding: bytes, as: UTF8.self).debugDescription) cut at \(cuts): \(String(describing: found)), expected \(String(describing: expected))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(3))")
        // Both kinds of input were tried.
        #expect(refused > 0 && refused < 3_000)
    }

    @Test("fields across the 8-byte boundaries of the input and the file's end")
    func boundaries() throws {
        // Fields of 1 to 12 bytes at every offset; the last record without a line end, and a
        // file ending inside a quote is refused with its line and column.
        for offset in 0..<9 {
            for width in 1...12 {
                let field = String(repeating: "4", count: width)
                let text = String(repeating: "x", count: offset) + ";" + field + ";" + field + "\r\n" + field + ";\"" + field + "\";7"
                let records = try CSVScanner.records(Array(text.utf8), dialect: .semicolon)
                #expect(records == [[String(repeating: "x", count: offset), field, field], [field, field, "7"]], "offset \(offset), width \(width)")
                var numbers: [Int?] = []
                try Array(text.utf8).withUnsafeBufferPointer { bytes in
                    try CSVScanner.scan(bytes, dialect: .semicolon) { record in numbers += (0..<record.count).map { record[$0].smallWholeNumber } }
                }
                let small = width <= 4 ? Int(field) : nil
                #expect(numbers == [nil, small, small, small, nil, 7], "offset \(offset), width \(width)")
                let open = text + ";\"" + field
                #expect(throws: ParseError.self) { try CSVScanner.records(Array(open.utf8), dialect: .semicolon, file: "t.csv") }
            }
        }
        let open = "a;b\n1;\"22"
        do {
            _ = try CSVScanner.records(Array(open.utf8), dialect: .semicolon, file: "t.csv")
            Issue.record("a file ending inside a quote was read")
        } catch let error as ParseError {
            #expect(error.location == SourceLocation(line: 2, column: 3))
        }
    }
}
