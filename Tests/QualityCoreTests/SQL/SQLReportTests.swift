import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("SQL report")
struct SQLReportTests {
    @Test func writesTheHeaderThenTheRows() async throws {
        let source = InMemoryTableSource(
            columns: [SourceColumn(name: "consent_code", declaredType: "TEXT"), SourceColumn(name: "n")],
            rows: [["GRU", "12"], ["DS-CA", "3"], [nil, "5"], ["", "1"], ["HMB, \"new\"", "2"], ["Tromsø\nnord", "0"]])
        let output = try await SQLReport.run(source)
        let text = String(decoding: output.csv, as: UTF8.self)
        #expect(text == "consent_code,n\nGRU,12\nDS-CA,3\n,5\n\"\",1\n\"HMB, \"\"new\"\"\",2\n\"Tromsø\nnord\",0\n")
        #expect(output.rowCount == 6)
        #expect(output.columns.map(\.declaredType) == ["TEXT", nil])
    }

    @Test func readsBackAsTheSameCells() async throws {
        let rows: [[String?]] = [["a", nil, ""], [nil, nil, nil], ["x,y", "\"q\"", "ü"]]
        let output = try await SQLReport.run(InMemoryTableSource(names: ["p", "q", "r"], rows: rows))
        var read: [[String?]] = []
        try output.csv.withUnsafeBufferPointer { bytes in
            try CSVScanner.scan(bytes) { record in
                guard !record.isHeader else { return }
                read.append((0..<record.count).map { index in
                    record.string(index).isEmpty && !record[index].isQuoted ? nil : record.string(index)
                })
            }
        }
        #expect(read == rows)
    }

    @Test func aTableOfOneColumnKeepsItsMissingRows() async throws {
        let output = try await SQLReport.run(InMemoryTableSource(names: ["only"], rows: [["a"], [nil], ["b"]]))
        #expect(String(decoding: output.csv, as: UTF8.self) == "only\na\n\"\"\nb\n")
        #expect(try CSVScanner.records(output.csv).count == 4)
    }

    @Test func aQueryWithNoRowsIsItsHeader() async throws {
        let output = try await SQLReport.run(InMemoryTableSource(names: ["a", "b"], rows: []))
        #expect(String(decoding: output.csv, as: UTF8.self) == "a,b\n")
        #expect(output.rowCount == 0)
    }

    @Test func theSourcesErrorComesThrough() async throws {
        let source = InMemoryTableSource(names: ["a", "b"], rows: [["1", "2"], ["only one"]])
        await #expect(throws: InMemoryTableSource.WrongCellCount.self) { _ = try await SQLReport.run(source) }
    }

    @Test func writesInTheGivenDialect() async throws {
        let dialect = CSVDialect(delimiter: UInt8(ascii: "\t"))
        let output = try await SQLReport.run(InMemoryTableSource(names: ["a", "b"], rows: [["1,5", nil]]), dialect: dialect)
        #expect(String(decoding: output.csv, as: UTF8.self) == "a\tb\n1,5\t\n")
    }
}
