import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// A delimited file cut into parts reads as the whole file does: the same rows on the same
/// lines, and a cut never inside a quoted field.
@Suite("Delimited table parts")
struct DelimitedTablePartsTests {
    /// Rows with quoted delimiters and line breaks (LF and CRLF inside quotes), doubled
    /// quotes, a quote inside an unquoted field, missing and empty cells, blank lines;
    /// lines end in `ending`; a byte order mark first when asked.
    static func text(rows: Int, ending: String, bom: Bool) -> String {
        var text = (bom ? "\u{FEFF}" : "") + "id,name,note" + ending
        let names = ["\"a, b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "5\" pipe", "", "\"\"", "\"cr\r\nlf, \"\"x\"\"\"", "plain", "\"Ø,\r\n\n\"", "李"]
        for index in 0..<rows {
            text += "\(index),\(names[index % names.count]),\(index % 3 == 0 ? "" : "n\(index * 7)")" + ending
            if index % 11 == 5 { text += ending }
        }
        return text
    }

    struct Row: Equatable {
        var cells: [String?]
        var line: Int?
    }

    static func wholeRows(_ source: DelimitedTableSource) async throws -> (columns: [String], rows: [Row]) {
        var columns: [String] = []
        var rows: [Row] = []
        try await source.scan(columns: { columns = $0.map(\.name) }, row: { row in
            rows.append(Row(cells: (0..<row.count).map { row.text($0) }, line: row.line))
        })
        return (columns, rows)
    }

    /// Each part read with the line it really starts on (the line the part before returns).
    static func partRows(_ parts: TableParts) async throws -> [Row] {
        var rows: [Row] = []
        var line = 1
        for part in parts.parts {
            var numbers: [Int] = []
            let end = try await part.scan(firstLine: line) { row in
                numbers.append(row.number)
                rows.append(Row(cells: (0..<row.count).map { row.text($0) }, line: row.line))
            }
            #expect(end.endsAtRecordStart)
            line = end.nextLine
            #expect(numbers == Array(1..<(numbers.count + 1)), "rows count from 1 in a part")
        }
        return rows
    }

    @Test("parts read the rows of the whole file on its lines, for every number of parts", arguments: ["\n", "\r\n"], [false, true])
    func partsReadAsTheWhole(ending: String, bom: Bool) async throws {
        let text = Self.text(rows: 60, ending: ending, bom: bom)
        let store = InMemoryObjectStore(["t.csv": Data(text.utf8)])
        for chunk in [5, 64, 1 << 20] {
            let source = DelimitedTableSource(store: store, key: "t.csv", chunkSize: chunk)
            let whole = try await Self.wholeRows(source)
            #expect(whole.rows.count == 60)
            for count in 2...24 {
                let parts = try #require(try await source.parts(count, minimumBytes: 0))
                #expect(parts.columns.map(\.name) == whole.columns)
                #expect(parts.parts.count > 1 && parts.parts.count <= count, "\(count) parts: \(parts.parts.count)")
                #expect(try await Self.partRows(parts) == whole.rows, "\(count) parts, chunk \(chunk)")
            }
        }
    }

    @Test("a file without a line end after its last record, or with a quote left open at its end")
    func lastRecord() async throws {
        let text = Self.text(rows: 30, ending: "\n", bom: false) + "30,\"last, one\",n"
        let source = DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data(text.utf8), "open.csv": Data((text + "\n31,\"open,\n").utf8)]), key: "t.csv")
        let whole = try await Self.wholeRows(source)
        #expect(whole.rows.last?.cells == ["30", "last, one", "n"])
        for count in [2, 3, 7] {
            #expect(try await Self.partRows(try #require(try await source.parts(count, minimumBytes: 0))) == whole.rows)
        }
        let open = DelimitedTableSource(store: source.store, key: "open.csv")
        let expected = await #expect(throws: ParseError.self) { _ = try await Self.wholeRows(open) }
        let got = await #expect(throws: ParseError.self) { _ = try await Self.partRows(try #require(try await open.parts(3, minimumBytes: 0))) }
        #expect(got != nil && got == expected)
    }

    @Test("a cut landing in a long quoted field moves past it")
    func cutInsideQuotes() async throws {
        let long = "\"" + String(repeating: "x,\n\"\"y\r\n", count: 200) + "\""
        let text = "a,b\n1,2\n2," + long + "\n3,\"4\"\n5,6\n"
        let store = InMemoryObjectStore(["t.csv": Data(text.utf8)])
        let source = DelimitedTableSource(store: store, key: "t.csv")
        let whole = try await Self.wholeRows(source)
        let parts = try #require(try await source.parts(2, minimumBytes: 0))
        #expect(parts.parts.count == 2)
        let rows = try await Self.partRows(parts)
        #expect(rows == whole.rows)
        #expect(rows.map(\.line) == [2, 3, 404, 405])
    }

    @Test("small files: a header alone, fewer rows than parts, too small, nothing to cut")
    func smallFiles() async throws {
        let store = InMemoryObjectStore(["h.csv": Data("a,b\r\n".utf8), "two.csv": Data("a,b\n1,2\n3,4\n".utf8),
                                         "bare.csv": Data("a,b".utf8), "empty.csv": Data(), "blank.csv": Data("\n\n".utf8)])
        let header = try #require(try await DelimitedTableSource(store: store, key: "h.csv").parts(3, minimumBytes: 0))
        #expect(header.columns.map(\.name) == ["a", "b"] && header.parts.count == 1)
        #expect(try await Self.partRows(header).isEmpty)
        let two = DelimitedTableSource(store: store, key: "two.csv")
        let cut = try #require(try await two.parts(7, minimumBytes: 0))
        #expect(cut.parts.count == 2, "cuts at the one record start past the header")
        #expect(try await Self.partRows(cut) == (try await Self.wholeRows(two)).rows)
        #expect(try await two.parts(2, minimumBytes: 1000) == nil)
        #expect(try await two.parts(1, minimumBytes: 0) == nil)
        for name in ["bare.csv", "empty.csv", "blank.csv", "missing.csv"] {
            #expect(try await DelimitedTableSource(store: store, key: try ObjectKey(name)).parts(2, minimumBytes: 0) == nil, "\(name)")
        }
    }

    @Test("a bad record in a later part names the whole file's line and column")
    func errorsInALaterPart() async throws {
        let good = (0..<40).map { "\($0),\"q,\n\($0)\"" }.joined(separator: "\n")
        for bad in ["7,8,9", "7,\"x\"y"] {
            let text = "a,b\n" + good + "\n" + bad + "\n1,2\n"
            let source = DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data(text.utf8)]), key: "t.csv", displayName: "data/t.csv")
            let expected = await #expect(throws: ParseError.self) { _ = try await Self.wholeRows(source) }
            let parts = try #require(try await source.parts(3, minimumBytes: 0))
            let got = await #expect(throws: ParseError.self) { _ = try await Self.partRows(parts) }
            #expect(got != nil && got == expected)
            #expect(expected?.location.line == 82)
        }
    }

    @Test("the shared record start is a record end of the one reading from the start, from every offset")
    func sharedRecordStartIsARecordEnd() {
        var random = SplitMix(seed: 3)
        let alphabet: [UInt8] = Array("a,\"\n\r".utf8)
        for _ in 0..<300 {
            let bytes = (0..<60).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            var state = CSVScanState.recordStart
            var ends = Set<Int>()
            for (offset, byte) in bytes.enumerated() {
                let step = state.next(byte, .rfc4180)
                if step.endsRecord { ends.insert(offset + 1) }
                state = step.state
            }
            bytes.withUnsafeBufferPointer { buffer in
                for from in 0..<bytes.count {
                    var search = CSVBoundaries.SharedRecordStart(dialect: .rfc4180)
                    guard let found = search.find(in: UnsafeBufferPointer(rebasing: buffer[from...])) else { continue }
                    #expect(ends.contains(from + found), "\(String(decoding: bytes, as: UTF8.self).debugDescription) from \(from)")
                }
            }
        }
    }
}
