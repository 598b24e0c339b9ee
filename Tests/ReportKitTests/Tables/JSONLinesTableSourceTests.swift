import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("JSON Lines table source")
struct JSONLinesTableSourceTests {
    static let lines = """
        {"id": 1, "name": "Zoë", "score": 1.50, "ok": true}
        {"id": 12345678901234567, "name": null, "tags": ["a", {"z": 1, "b": null}], "ok": false}

        {"name": "say \\"hi\\"\\n\\u00e6", "extra": {"k": [1, 2.0]}, "score": -0.0}\r
        {}
        {"id": -3e2, "name": ""}
        """

    static func store(_ text: String, key: ObjectKey = "t.jsonl") -> InMemoryObjectStore {
        InMemoryObjectStore([key: Data(text.utf8)])
    }

    @Test("columns are the union of keys in first-seen order; cells as the doc says; every chunk size")
    func cells() async throws {
        let store = Self.store(Self.lines)
        for chunk in 1...(Self.lines.utf8.count + 1) {
            let table = try await RecordedTable.record(JSONLinesTableSource(store: store, key: "t.jsonl", chunkSize: chunk))
            #expect(table.violations.isEmpty, "chunk \(chunk): \(table.violations)")
            #expect(table.columns == ["id", "name", "score", "ok", "tags", "extra"], "chunk \(chunk)")
            #expect(table.rows == [
                ["1", "Zoë", "1.50", "true", nil, nil],
                ["12345678901234567", nil, nil, "false", "[\"a\",{\"z\":1,\"b\":null}]", nil],
                [nil, "say \"hi\"\næ", "-0.0", nil, nil, "{\"k\":[1,2]}"],
                [nil, nil, nil, nil, nil, nil],
                ["-3e2", "", nil, nil, nil, nil],
            ], "chunk \(chunk)")
            #expect(table.lines == [1, 2, 4, 5, 6], "chunk \(chunk)")
        }
    }

    @Test("a line that is not an object is located", arguments: [
        ("{\"a\": 1}\n[1, 2]\n", "t.jsonl:2:1: error: json: expected a JSON object on each line, found an array"),
        ("{\"a\": 1}\n\n  \"text\"\n", "t.jsonl:3:3: error: json: expected a JSON object on each line, found a string"),
        ("{\"a\": 1}\n{\"a\": 2,}\n", "t.jsonl:2:9: error: json: expected a member name in double quotes, found '}'"),
        ("{\"a\": 1} {\"a\": 2}\n", "t.jsonl:1:10: error: json: unexpected '{' after the JSON object (one object per line)"),
        ("{\"a\": 1, \"a\": 2}\n", "t.jsonl:1:10: error: json: duplicate key 'a' in an object"),
    ])
    func errors(text: String, summary: String) async throws {
        let source = JSONLinesTableSource(store: Self.store(text), key: "t.jsonl", chunkSize: 4)
        var rows = 0
        let error = await #expect(throws: ParseError.self) {
            try await source.scan(columns: { _ in }, row: { _ in rows += 1 })
        }
        #expect(error?.summary == summary)
        #expect(rows == 0, "the first pass finds a bad line before any row")
    }

    @Test("a line over the limit is an error, not unbounded memory")
    func longLine() async throws {
        let text = "{\"a\": \"" + String(repeating: "x", count: 100) + "\"}\n"
        let source = JSONLinesTableSource(store: Self.store(text), key: "t.jsonl", chunkSize: 8, maxLineBytes: 64)
        let error = await #expect(throws: ParseError.self) { _ = try await RecordedTable.record(source) }
        #expect(error?.message.contains("longer than 64 bytes") == true)
    }
}

@Suite("Table file format")
struct TableFileFormatTests {
    @Test("by name, else by the first bytes")
    func rule() async throws {
        #expect(TableFileFormat.byName("a.jsonl") == .jsonLines)
        #expect(TableFileFormat.byName("A.NDJSON") == .jsonLines)
        #expect(TableFileFormat.byName("a.tsv") == .delimited(.tsv))
        #expect(TableFileFormat.byName("a.csv") == .delimited(nil))
        #expect(TableFileFormat.byName("data") == nil)
        #expect(TableFileFormat.sniff(Array("\u{FEFF}\n  {\"a\": 1}".utf8)) == .jsonLines)
        #expect(TableFileFormat.sniff(Array("a,b\n".utf8)) == .delimited(nil))
        let store = InMemoryObjectStore(["export": Data("{\"a\": 1}\n".utf8), "table": Data("a;b\n1;2\n".utf8)])
        #expect(try await TableFileFormat.source(store: store, key: "export") is JSONLinesTableSource)
        let delimited = try await RecordedTable.record(try await TableFileFormat.source(store: store, key: "table"))
        #expect(delimited.rows == [["1", "2"]])
        await #expect(throws: ObjectStoreError.self) { _ = try await TableFileFormat.source(store: store, key: "gone") }
    }
}
