import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// ``RowCountEstimate``: a table's rows from its size and its first bytes.
@Suite struct RowCountEstimateTests {
    @Test("a whole object in the sample: its lines, the header left out, a last line without a break counted")
    func wholeObject() {
        let cases: [(String, Bool, Int)] = [
            ("id,name\n1,a\n2,b\n", true, 2), ("id,name\n1,a\n2,b", true, 2), ("id,name\n", true, 0), ("id,name", true, 0),
            ("", true, 0), ("{\"a\":1}\n{\"a\":2}\n", false, 2), ("{\"a\":1}", false, 1), ("", false, 0),
        ]
        for (text, header, rows) in cases {
            let bytes = Array(text.utf8)
            #expect(RowCountEstimate.rows(size: bytes.count, sample: bytes, header: header) == rows, "\(text.debugDescription)")
        }
    }

    @Test("a sample of the start: its lines' average length scales to the size; nil without a whole data line")
    func scaled() {
        // A header of 8 bytes, then rows of 10 bytes: 1,000 rows in 10,008 bytes.
        let text = "id,name\n" + (0..<1000).map { String(format: "%04d,abcd\n", $0) }.joined()
        let bytes = Array(text.utf8)
        #expect(bytes.count == 10_008)
        for sampleBytes in [19, 100, 4096] {  // a cut in the middle of a row counts only whole lines
            #expect(RowCountEstimate.rows(size: bytes.count, sample: bytes.prefix(sampleBytes), header: true) == 1000, "\(sampleBytes)")
        }
        #expect(RowCountEstimate.rows(size: bytes.count, sample: bytes.prefix(8), header: true) == nil, "the header alone")
        #expect(RowCountEstimate.rows(size: bytes.count, sample: bytes.prefix(17), header: true) == nil, "no whole data line")
        #expect(RowCountEstimate.rows(size: 1 << 40, sample: bytes.prefix(100), header: false) != nil, "a large size does not overflow")
    }

    @Test("rows that grow longer down the file: the end's lines count as much as the start's")
    func startAndEnd() {
        // 100 rows of 10 bytes, then 100 of 30: 4,000 bytes after the header.
        let text = "id\n" + (0..<100).map { _ in "123456789\n" }.joined() + (0..<100).map { _ in String(repeating: "x", count: 29) + "\n" }.joined()
        let bytes = Array(text.utf8)
        #expect(RowCountEstimate.rows(size: bytes.count, sample: bytes.prefix(503), header: true) == 400, "the start alone: 4,000 bytes of 10")
        let both = RowCountEstimate.rows(size: bytes.count, sample: bytes.prefix(503), end: bytes.suffix(1515), header: true)
        #expect(both == 200, "50 lines of 10 and 50 of 30 (the end's first piece left out): 4,000 bytes of 20")
    }

    @Test("from a store: the source's estimate, nil for a missing object")
    func fromStore() async throws {
        let text = "id,name\n" + (0..<10_000).map { String(format: "%05d,abc\n", $0) }.joined()
        let store = InMemoryObjectStore(["t.csv": Data(text.utf8), "t.jsonl": Data(String(repeating: "{\"a\": 12}\n", count: 20_000).utf8)])
        #expect(await DelimitedTableSource(store: store, key: "t.csv", detectionSampleBytes: 1000).estimatedRowCount() == 10_000)
        #expect(await JSONLinesTableSource(store: store, key: "t.jsonl").estimatedRowCount() == 20_000)
        #expect(await DelimitedTableSource(store: store, key: "none.csv").estimatedRowCount() == nil)
    }
}
