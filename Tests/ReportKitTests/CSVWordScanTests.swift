@testable import ReportKit
import ReportKitTestSupport
import Testing

/// The scanner's fast paths: a field's end found in its block's 64-byte mask, and its digits
/// in the eight bytes from its start (SWAR). Checked against byte-by-byte answers, so a wrong
/// mask or shift fails.
@Suite("CSV scanner, a block and a word at a time")
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

    @Test("the block masks find the first field end and quoted-field stop from any offset, past 64-byte blocks and the input's end")
    func blockMasks() {
        var generator = SplitMix(seed: 7)
        var failures: [String] = []
        let alphabet: [UInt8] = [0x3B, 0x0A, 0x0D, 0x22, 0x30, 0x39, 0x3A, 0x3C, 0x0B, 0x0C, 0xBB, 0x8A, 0x8D, 0x00, 0xFF, 0x61]
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 300)
            // Sparse stops, so that searches cross whole blocks.
            let sparse = generator.next() % 2 == 0
            let bytes = (0..<length).map { _ in
                sparse && generator.next() % 40 != 0 ? UInt8(0x61) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            // A NUL delimiter too, the byte the last block's zero padding is made of.
            let delimiter: UInt8 = generator.next() % 4 == 0 ? 0x00 : 0x3B
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var masks = CSVBlockMasks(base, count: length, delimiter: delimiter, quote: 0x22)
                var index = 0
                while index <= length {
                    let quoted = generator.next() % 3 == 0
                    let found = quoted ? masks.firstQuotedEnd(from: index) : masks.firstFieldEnd(from: index)
                    let stops: Set<UInt8> = quoted ? [0x22, 0x0A, 0x0D] : [delimiter, 0x0A, 0x0D]
                    let expected = bytes[index...].firstIndex { stops.contains($0) } ?? length
                    if found != expected { failures.append("\(length) bytes from \(index), quoted \(quoted): \(found), expected \(expected)") }
                    index += 1 + Int(generator.next() % 20)
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(5))")
    }

    @Test("a quoted field's doubled quotes become one, wherever they fall in its eight-byte words")
    func unescaping() throws {
        var generator = SplitMix(seed: 5)
        var failures: [String] = []
        for _ in 0..<3_000 {
            // A value of up to 40 bytes, some of them quotes (each written twice).
            let value = (0..<Int(generator.next() % 41)).map { _ in generator.next() % 6 == 0 ? UInt8(ascii: "\"") : UInt8(0x61 + generator.next() % 26) }
            let written = value.flatMap { $0 == UInt8(ascii: "\"") ? [$0, $0] : [$0] }
            let line = Array("x;\"".utf8) + written + Array("\";y".utf8)
            try line.withUnsafeBufferPointer { bytes in
                try CSVScanner.scan(bytes, dialect: .semicolon) { record in
                    let found = record.withField(1) { Array($0) }
                    if found != value { failures.append("\(String(decoding: written, as: UTF8.self)): \(String(decoding: found, as: UTF8.self))") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(3))")
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

    @Test("fields across the 8- and 64-byte boundaries of the input and the file's end")
    func boundaries() throws {
        // Fields of 1 to 12 and 60 to 70 bytes at every offset; the last record without a line
        // end, and a file ending inside a quote is refused with its line and column.
        for offset in 0..<9 {
            for width in Array(1...12) + Array(60...70) {
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
