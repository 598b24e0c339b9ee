import ReportKit
import Testing

@Suite("CSV dialects, writer and boundaries")
struct CSVDialectAndWriterTests {
    @Test("detection from a sample", arguments: [
        ("aar;bydel_id;bydel_navn\n2019;01;Gamle Oslo\n", CSVDialect.semicolon),
        ("\u{FEFF}a,b,c\r\n1,2,3\r\n", .rfc4180),
        ("a\tb\n1\t2\n", .tsv),
        ("name,comment\n\"x\",\"semi;colons;inside;quotes\"\n\"y\",\"z\"\n", .rfc4180),
        ("a|b|c\n1|2|3\n4|5", CSVDialect(delimiter: UInt8(ascii: "|"))),
        ("1;2;3\n4;5;6\n", CSVDialect.semicolon.withHeader(false)),
        ("single column\nvalue\n", .rfc4180),
        // A sample cut in the middle of a line: the cut line is left out.
        ("a;b,c;d\n1;2,5;3\n4;5,", CSVDialect.semicolon),
    ])
    func detect(sample: String, expected: CSVDialect) {
        #expect(CSVDialect.detect(sample: Array(sample.utf8)) == expected)
    }

    @Test("the writer quotes only where needed")
    func writer() {
        let text = CSVWriter.text([["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", " spaced "]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",, spaced \n")
        #expect(CSVWriter.text([[""]], dialect: .semicolon, lineEnd: .crlf) == "\"\"\r\n")
        #expect(CSVWriter.text([["a;b", "c,d"]], dialect: .semicolon) == "\"a;b\";c,d\n")
    }

    @Test("write then scan gives the same fields, every dialect and line end", arguments: CSVWriter.LineEnd.allCases)
    func roundTrip(lineEnd: CSVWriter.LineEnd) throws {
        let records = [
            ["id", "text", "number"],
            ["1", "a,b;c\td", "-0.5"],
            ["2", "\"quoted\" and \"\"doubled\"\"", "1e3"],
            ["3", "line\nbreaks\r\nand\rreturns", ""],
            [""],
            ["", ""],
            ["ø æ å", "\"", "\n"],
        ]
        for dialect in [CSVDialect.rfc4180, .semicolon, .tsv] {
            var writer = CSVWriter(dialect: dialect, lineEnd: lineEnd)
            for record in records { writer.write(record) }
            #expect(try CSVScanner.records(writer.bytes, dialect: dialect) == records, "\(dialect)")
        }
    }

    @Test("record boundaries from any piece's transfer match the scanner's records")
    func boundaries() throws {
        let text = Array("a,b\n\"x\ny\",\"q\"\"\n,\"\"\"\n5\" pipe,\"z\r\nw\"\r\nlast,1\n".utf8)
        let dialect = CSVDialect.rfc4180
        var starts: [Int] = []
        try text.withUnsafeBufferPointer { bytes in
            try CSVScanner.scan(bytes) { record in
                starts.append(record.bytes.baseAddress! - bytes.baseAddress!)
            }
        }
        for cut in 0...text.count {
            text.withUnsafeBufferPointer { bytes in
                let head = UnsafeBufferPointer(rebasing: bytes[..<cut])
                let tail = UnsafeBufferPointer(rebasing: bytes[cut...])
                let entry = CSVBoundaries.transfer(of: head, dialect: dialect)(.recordStart)
                let found = CSVBoundaries.firstRecordStart(in: tail, entering: entry, dialect: dialect).map { $0 + cut }
                // The first record start at or after the cut (the end counts as one; blank
                // lines, such as the `\n` of a `\r\n`, are skipped by readers).
                let expected = starts.first { $0 >= cut } ?? text.count
                var skipped = found ?? text.count
                while skipped < text.count, text[skipped] == 0x0A || text[skipped] == 0x0D { skipped += 1 }
                #expect(skipped == expected, "cut at \(cut)")
                // Composing the two halves' transfers is the whole's.
                let whole = CSVBoundaries.transfer(of: bytes, dialect: dialect)
                #expect(CSVBoundaries.transfer(of: head, dialect: dialect).then(CSVBoundaries.transfer(of: tail, dialect: dialect)) == whole)
            }
        }
    }
}
