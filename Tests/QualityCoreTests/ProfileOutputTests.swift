import QualityCore
import ReportKit
import Testing

/// The tidy `summary.csv` rows, the JSON form and the value-count rows.
@Suite struct ProfileOutputTests {
    @Test func summaryRowsOfPeople() throws {
        let fixture = try ProfileFixture.load("people")
        let profile = try fixture.profile(declared: true)
        #expect(TableProfile.summaryHeader.joined(separator: ",")
            == "column,type,count,missing,distinct,top,freq,mean,std,min,p25,p50,p75,max")
        let rows = Dictionary(uniqueKeysWithValues: profile.summaryRows.map { ($0[0], $0) })
        #expect(rows["age"] == ["age", "integer", "10", "2", "8", "34", "3", "30.1", "35.94579252151773",
                                "-7", "4.75", "30.5", "34.0", "120"])
        #expect(rows["balance"]?[9] == "-9007199254740993", "integer extremes keep every digit")
        #expect(rows["active"] == ["active", "boolean", "11", "1", "2", "true", "6", "", "", "", "", "", "", ""])
        #expect(rows["joined"] == ["joined", "date", "11", "1", "6", "2024-01-15", "5", "", "", "2021-01-01", "", "", "", "2024-02-29"])
        #expect(rows["seen_at"]?[9] == "2020-02-29T23:59:59Z")
        #expect(rows["seen_at"]?[13] == "2024-03-03T00:00:00.5Z")
        #expect(rows["constant"] == ["constant", "text", "12", "0", "1", "same", "12", "", "", "", "", "", "", ""])
        #expect(rows["nothing"] == ["nothing", "text", "0", "12", "0", "", "", "", "", "", "", "", "", ""])
        #expect(profile.summaryRows.map { $0[0] } == fixture.header, "column order is the table's")
    }

    /// Figures as pandas gives them: `pd.Series([1.5, -2, 1e-7])` has mean -0.16666663333333334,
    /// std 1.7559422968879141 and quartiles -0.99999995, 1e-07, 0.75000005.
    @Test func jsonOfOneColumn() throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "n"), ColumnDeclaration(name: "word")])
        for (number, word) in [("1.5", "é"), ("-2", "ab"), ("", "ab"), ("1e-7", "")] {
            try profiler.add(number, column: 0)
            try profiler.add(word, column: 1)
            profiler.endRow()
        }
        let text = JSONWriter.compact(profiler.finish().json)
        #expect(text == #"{"columns":[{"count":3,"distinct":3,"freq":1,"max":1.5,"mean":-0.16666663333333334,"#
            + #""min":-2,"missing":1,"name":"n","p25":-0.99999995,"p50":1e-07,"p75":0.75000005,"#
            + #""std":1.7559422968879141,"top":-2,"type":"number","value_counts_exact":true},"#
            + #"{"count":3,"distinct":2,"freq":2,"length":{"max":2,"mean":1.6666666666666667,"min":1},"#
            + #""missing":1,"name":"word","top":"ab","type":"text","value_counts_exact":true}],"row_count":4}"#)
    }

    @Test func valueCountRowsByCountThenValue() throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "c")])
        for value in ["b", "a", "Z", "b", "a", "é", ""] {
            try profiler.add(value, column: 0)
            profiler.endRow()
        }
        let counts = profiler.finish().columns[0].valueCounts
        #expect(ValueCounts.header == ["value", "count"])
        let expected: [[String]] = [["a", "2"], ["b", "2"], ["Z", "1"], ["é", "1"]]
        #expect(counts.rows == expected, "count descending, then code point (Z before é)")
    }

    @Test func emptyTable() throws {
        let profile = TableProfiler(columns: [ColumnDeclaration(name: "x", type: .number)]).finish()
        #expect(profile.rowCount == 0)
        let column = profile.columns[0]
        #expect(column.count == 0 && column.missing == 0 && column.distinct == Figure(0))
        #expect(column.top == nil && column.mean == nil && column.p50 == nil && column.min == nil)
        #expect(profile.summaryRows == [["x", "number", "0", "0", "0", "", "", "", "", "", "", "", "", ""]])
    }

    @Test func singleValueHasNoStandardDeviation() throws {
        var profiler = TableProfiler(columns: [ColumnDeclaration(name: "x")])
        try profiler.add("9007199254740993", column: 0)
        profiler.endRow()
        let column = profiler.finish().columns[0]
        #expect(column.mean == 9007199254740992 && column.std == nil && column.p75 == Figure(9007199254740992))
        #expect(column.max?.json == .string("9007199254740993"), "an integer beyond 2^53 is written as digits")
    }
}
