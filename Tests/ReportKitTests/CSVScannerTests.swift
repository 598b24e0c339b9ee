import ReportKit
import Testing

@Suite("CSV scanner")
struct CSVScannerTests {
    /// Records of `text` read in one piece.
    static func records(_ text: String, _ dialect: CSVDialect = .rfc4180) throws -> [[String]] {
        try CSVScanner.records(Array(text.utf8), dialect: dialect)
    }

    /// Records with their lines and fields' locations, as text, read from `chunks`.
    static func described(_ chunks: [[UInt8]], _ dialect: CSVDialect = .rfc4180) throws -> [String] {
        var scanner = CSVScanner(dialect: dialect, file: "t.csv", checksFieldCount: false)
        var out: [String] = []
        func take(_ record: CSVRecord) {
            let fields = (0..<record.count).map { "\(record.location(ofField: $0))=\(record.string($0))" }
            out.append("\(record.line)#\(record.number)\(record.isHeader ? "h" : ""): " + fields.joined(separator: "|"))
        }
        for chunk in chunks { try scanner.feed(chunk, take) }
        try scanner.finish(take)
        return out
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var records: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", text: "a,b\n1,2\n", records: [["a", "b"], ["1", "2"]]),
        Case(name: "no final line end", text: "a,b\n1,2", records: [["a", "b"], ["1", "2"]]),
        Case(name: "CRLF", text: "a,b\r\n1,2\r\n", records: [["a", "b"], ["1", "2"]]),
        Case(name: "CR only", text: "a,b\r1,2\r3,4", records: [["a", "b"], ["1", "2"], ["3", "4"]]),
        Case(name: "mixed line ends", text: "a\n1\r\n2\r3", records: [["a"], ["1"], ["2"], ["3"]]),
        Case(name: "byte order mark", text: "\u{FEFF}a,b\n1,2\n", records: [["a", "b"], ["1", "2"]]),
        Case(name: "blank lines skipped everywhere", text: "\n\r\n\ra,b\n\n1,2\r\n\r\n\n", records: [["a", "b"], ["1", "2"]]),
        Case(name: "empty fields", text: ",\n,,x\n", records: [["", ""], ["", "", "x"]]),
        Case(name: "quoted delimiter", text: "\"a,b\",c\n", records: [["a,b", "c"]]),
        Case(name: "doubled quotes", text: "\"say \"\"hi\"\"\",\"\"\"\"\n", records: [["say \"hi\"", "\""]]),
        Case(name: "line breaks inside quotes", text: "\"1\n2\r\n3\r4\",x\ny,z", records: [["1\n2\r\n3\r4", "x"], ["y", "z"]]),
        Case(name: "empty quoted field", text: "\"\",\"\"\n\"\"\n", records: [["", ""], [""]]),
        Case(name: "a quote inside an unquoted field is text", text: "5\" pipe,a\"b\n", records: [["5\" pipe", "a\"b"]]),
        Case(name: "spaces kept", text: " a , b \n", records: [[" a ", " b "]]),
        Case(name: "trailing delimiter", text: "a,\n", records: [["a", ""]]),
        Case(name: "UTF-8", text: "ø,å\n\"Bjørvika\",Sæter\n", records: [["ø", "å"], ["Bjørvika", "Sæter"]]),
        Case(name: "only blank lines", text: "\n\r\n", records: []),
        Case(name: "empty", text: "", records: []),
        Case(name: "quoted field at the end without line end", text: "a,\"b\"", records: [["a", "b"]]),
    ]

    @Test("reads", arguments: cases)
    func reads(_ testCase: Case) throws {
        #expect(try Self.records(testCase.text) == testCase.records)
    }

    @Test("dialects", arguments: [
        (CSVDialect.semicolon, "a;\"b;c\"\n1,5;2\n", [["a", "b;c"], ["1,5", "2"]]),
        (CSVDialect.tsv, "a\t\"b\tc\"\n1\t2\n", [["a", "b\tc"], ["1", "2"]]),
        (CSVDialect(delimiter: UInt8(ascii: "|"), quote: UInt8(ascii: "'")), "'a|b'|'it''s'\n", [["a|b", "it's"]]),
    ])
    func dialects(dialect: CSVDialect, text: String, records: [[String]]) throws {
        #expect(try Self.records(text, dialect) == records)
    }

    @Test("lines and columns: breaks inside quotes count, columns count scalars")
    func locations() throws {
        let text = "a,b\n\"x\ny\",ø\n\næ,\"q\"\n"
        #expect(try Self.described([Array(text.utf8)]) == [
            "1#0h: 1:1=a|1:3=b",
            "2#1: 2:1=x\ny|3:4=ø",
            "5#2: 5:1=æ|5:3=q",
        ])
    }

    /// Inputs whose every split must read as in one piece.
    static let splitInputs = [
        "\u{FEFF}id,text,n\r\n1,\"a,b\r\nc \"\"q\"\"\",2.5\r\n\r\n2,plain,\"\"\r3,\"x\ry\",-1\n\n4,\"\"\"\",5",
        "a;b\r\r\n\"\";\"\n\"\r\n;\r",
        "\"only one quoted field with \"\"doubles\"\" and\nbreaks\"",
    ]

    @Test("the same records whatever the chunks: every split point, and one byte at a time", arguments: splitInputs)
    func chunks(_ text: String) throws {
        let bytes = Array(text.utf8)
        let dialect: CSVDialect = text.contains(";") ? .semicolon : .rfc4180
        let whole = try Self.described([bytes], dialect)
        #expect(!whole.isEmpty)
        for cut in 0...bytes.count {
            #expect(try Self.described([Array(bytes[..<cut]), Array(bytes[cut...])], dialect) == whole, "split at \(cut)")
            for second in cut...bytes.count where second - cut <= 3 {
                let pieces = [Array(bytes[..<cut]), Array(bytes[cut..<second]), Array(bytes[second...])]
                #expect(try Self.described(pieces, dialect) == whole, "split at \(cut) and \(second)")
            }
        }
        #expect(try Self.described(bytes.map { [$0] }, dialect) == whole)
    }

    @Test("errors name the file, line and column", arguments: [
        ("a,b\n\"open,2\n3,4\n", "t.csv:2:1: error: csv: a quoted field is not closed: no quote ends the one here"),
        ("a,b\n1,\"x\"y\n", "t.csv:2:6: error: csv: text after the closing quote of a field (a quote inside a quoted field is written twice)"),
        ("a,b\n\"x\ny\",ø,\"z\"\n", "t.csv:3:6: error: csv: 3 fields, but the header has 2"),
        ("a,b\nø,b,c\n", "t.csv:2:5: error: csv: 3 fields, but the header has 2"),
        ("a,b\n\n1\n", "t.csv:3:2: error: csv: 1 field, but the header has 2"),
    ])
    func errors(text: String, summary: String) throws {
        for chunkSize in [1, 2, 5, 1000] {
            let bytes = Array(text.utf8)
            let error = try #require(throws: ParseError.self) {
                var scanner = CSVScanner(dialect: .rfc4180, file: "t.csv", checksFieldCount: true)
                for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                    try scanner.feed(Array(bytes[start..<min(bytes.count, start + chunkSize)])) { _ in }
                }
                try scanner.finish { _ in }
            }
            #expect(error.summary == summary, "chunks of \(chunkSize)")
        }
    }

    @Test("the error shows the line and a caret under the column")
    func caret() throws {
        let error = try #require(throws: ParseError.self) { try Self.records("a,b\n1,\"x\"y\n") }
        #expect(error.description == "<input>:2:6: error: csv: text after the closing quote of a field (a quote inside a quoted field is written twice)\n  1,\"x\"y\n       ^")
    }

    @Test("a record longer than the limit is an error, in one piece and across chunks")
    func recordLimit() throws {
        let text = Array("a,b\n1,\"\(String(repeating: "x", count: 100))\n".utf8)
        // Whole or in chunks, the scanner stops carrying the open record at the limit.
        let oneShot = try #require(throws: ParseError.self) {
            try text.withUnsafeBufferPointer { bytes in
                try CSVScanner.scan(bytes, file: "t.csv", maxRecordBytes: 50) { _ in }
            }
        }
        #expect(oneShot.summary == "t.csv:2:1: error: csv: a record longer than 50 bytes, the limit (is a quote left open?)")
        let chunked = try #require(throws: ParseError.self) {
            var scanner = CSVScanner(file: "t.csv", maxRecordBytes: 50)
            for start in stride(from: 0, to: text.count, by: 10) { try scanner.feed(Array(text[start..<min(text.count, start + 10)])) { _ in } }
            try scanner.finish { _ in }
        }
        #expect(chunked.summary == "t.csv:2:1: error: csv: a record longer than 50 bytes, the limit (is a quote left open?)")
        let long = Array("a\n\(String(repeating: "y", count: 80))\n".utf8)
        let whole = try #require(throws: ParseError.self) {
            try long.withUnsafeBufferPointer { try CSVScanner.scan($0, file: "t.csv", maxRecordBytes: 50) { _ in } }
        }
        #expect(whole.summary == "t.csv:2:1: error: csv: a record longer than 50 bytes, the limit (is a quote left open?)")
    }

    @Test("fields are byte ranges; only fields with doubled quotes are unescaped")
    func ranges() throws {
        let bytes = Array("ab,\"c,d\",\"e\"\"f\"\n".utf8)
        var seen: [(CSVField, String, String)] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try CSVScanner.scan(buffer) { record in
                for index in 0..<record.count {
                    seen.append((record[index], String(decoding: record.rawField(index), as: UTF8.self), record.string(index)))
                }
            }
        }
        #expect(seen.map(\.0.start) == [0, 4, 10])
        #expect(seen.map(\.0.isQuoted) == [false, true, true])
        #expect(seen.map(\.0.hasDoubledQuotes) == [false, false, true])
        #expect(seen.map(\.1) == ["ab", "c,d", "e\"\"f"])
        #expect(seen.map(\.2) == ["ab", "c,d", "e\"f"])
    }

    @Test("small whole numbers are read while scanning; every other field is left to the reader")
    func smallWholeNumbers() throws {
        var seen: [Int?] = []
        for chunkSize in [1, 3, 100] {
            var scanner = CSVScanner()
            let bytes = Array("7,0042,2019,12345,a1,\"7\",,-1,1.5,9\n99\r".utf8)
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                try scanner.feed(Array(bytes[start..<min(bytes.count, start + chunkSize)])) { record in
                    seen += (0..<record.count).map { record[$0].smallWholeNumber }
                }
            }
            try scanner.finish { record in seen += (0..<record.count).map { record[$0].smallWholeNumber } }
            #expect(seen == [7, 42, 2019, nil, nil, nil, nil, nil, nil, 9, 99], "chunks of \(chunkSize)")
            seen = []
        }
    }

    @Test("an error thrown by the record closure passes through")
    func closureError() throws {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try Array("a\nb\n".utf8).withUnsafeBufferPointer { try CSVScanner.scan($0) { _ in throw Stop() } }
        }
    }
}
