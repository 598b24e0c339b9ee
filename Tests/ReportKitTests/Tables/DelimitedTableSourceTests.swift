import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Delimited table source")
struct DelimitedTableSourceTests {
    /// Quotes with delimiters, doubled quotes and line breaks inside, CRLF and LF, a byte order
    /// mark, an empty unquoted field (missing) and a quoted empty one (empty text), Unicode.
    static let tricky = "\u{FEFF}id,name,note\r\n1,\"Ålesund, Øyvind\",plain\r\n2,,\"line one\nline two\"\n3,\"\",\"says \"\"hi\"\"\"\n\n4,李,\"\"\"\"\n"

    static let trickyRows: [[String?]] = [
        ["1", "Ålesund, Øyvind", "plain"], ["2", nil, "line one\nline two"], ["3", "", "says \"hi\""], ["4", "李", "\""],
    ]

    static func store(_ text: String, key: ObjectKey = "t.csv") -> InMemoryObjectStore {
        InMemoryObjectStore([key: Data(text.utf8)])
    }

    @Test("the tricky file reads the same at every chunk size, with the dialect given or detected")
    func everyChunkSize() async throws {
        let store = Self.store(Self.tricky)
        let size = Self.tricky.utf8.count
        for chunk in 1...(size + 1) {
            for dialect in [CSVDialect.rfc4180, nil] {
                let source = DelimitedTableSource(store: store, key: "t.csv", dialect: dialect, chunkSize: chunk, detectionSampleBytes: max(1, chunk / 2))
                let table = try await RecordedTable.record(source)
                #expect(table.violations.isEmpty, "chunk \(chunk): \(table.violations)")
                #expect(table.columns == ["id", "name", "note"], "chunk \(chunk)")
                #expect(table.rows == Self.trickyRows, "chunk \(chunk) dialect \(String(describing: dialect))")
                #expect(table.lines == [2, 3, 5, 7], "chunk \(chunk)")
            }
        }
    }

    @Test("the dialect is detected from the start: semicolons, tabs, pipes")
    func detection() async throws {
        for (delimiter, name) in [(";", "a.csv"), ("\t", "a.txt"), ("|", "a.dat")] {
            let text = ["kode", "navn", "antall"].joined(separator: delimiter) + "\n"
                + ["0301", "\"Oslo, sentrum\"", "12,5"].joined(separator: delimiter) + "\n"
                + ["1103", "Stavanger", "7"].joined(separator: delimiter) + "\n"
            let store = Self.store(text, key: try ObjectKey(name))
            let table = try await RecordedTable.record(DelimitedTableSource(store: store, key: try ObjectKey(name)))
            #expect(table.columns == ["kode", "navn", "antall"], "\(name)")
            #expect(table.rows == [["0301", "Oslo, sentrum", "12,5"], ["1103", "Stavanger", "7"]], "\(name)")
        }
    }

    @Test("a record with another field count is located: file, line, column")
    func fieldCountMismatch() async throws {
        let store = Self.store("a,b,c\n1,2,3\n4,\"x\ny\",6,7\n")
        let source = DelimitedTableSource(store: store, key: "t.csv", displayName: "data/t.csv", chunkSize: 3)
        let error = await #expect(throws: ParseError.self) { _ = try await RecordedTable.record(source) }
        #expect(error?.summary == "data/t.csv:4:6: error: csv: 4 fields, but the header has 3")
        let short = Self.store("a,b,c\n1,2\n")
        let shortError = await #expect(throws: ParseError.self) { _ = try await RecordedTable.record(DelimitedTableSource(store: short, key: "t.csv")) }
        #expect(shortError?.summary == "t.csv:2:4: error: csv: 2 fields, but the header has 3")
    }

    @Test("an unclosed quote and a name used twice in the header are located errors")
    func otherErrors() async throws {
        let open = DelimitedTableSource(store: Self.store("a,b\n1,\"never closed\n"), key: "t.csv")
        let openError = await #expect(throws: ParseError.self) { _ = try await RecordedTable.record(open) }
        #expect(openError?.location.line == 2)
        let twice = DelimitedTableSource(store: Self.store("a,b,a\n1,2,3\n"), key: "t.csv")
        let twiceError = await #expect(throws: ParseError.self) { _ = try await RecordedTable.record(twice) }
        #expect(twiceError?.summary == "t.csv:1:5: error: csv: column name 'a' appears twice in the header (fields 1 and 3)")
    }

    @Test("an empty file is no columns and no rows; a header alone is columns and no rows")
    func empty() async throws {
        let none = try await RecordedTable.record(DelimitedTableSource(store: Self.store(""), key: "t.csv"))
        #expect(none.columns.isEmpty && none.rows.isEmpty && none.violations.isEmpty)
        let header = try await RecordedTable.record(DelimitedTableSource(store: Self.store("a;b\r\n"), key: "t.csv"))
        #expect(header.columns == ["a", "b"] && header.rows.isEmpty && header.violations.isEmpty)
    }

    @Test("a missing object is the store's not-found error")
    func missing() async throws {
        let source = DelimitedTableSource(store: InMemoryObjectStore(), key: "nope.csv")
        let error = await #expect(throws: ObjectStoreError.self) { _ = try await RecordedTable.record(source) }
        #expect(error?.kind == .notFound)
    }
}
