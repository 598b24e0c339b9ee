import QualityCore
import Testing

/// Profiles of two consecutive parts, merged, equal the profile of the whole, figure for figure.
@Suite struct MergeTests {
    @Test(arguments: [true, false])
    func peopleSplitAtEveryRow(declared: Bool) throws {
        let fixture = try ProfileFixture.load("people")
        let whole = try fixture.profile(declared: declared)
        for split in 0...fixture.rows.count {
            var first = try fixture.profiler(rows: 0..<split, declared: declared)
            first.merge(try fixture.profiler(rows: split..<fixture.rows.count, declared: declared))
            #expect(first.finish() == whole, "split at row \(split)")
        }
    }

    @Test func eventsSplitAtManyRows() throws {
        let fixture = try ProfileFixture.load("events")
        let whole = try fixture.profile(declared: false)
        let n = fixture.rows.count
        for split in [0, 1, 2, 997, n / 2, n - 1, n] {
            var first = try fixture.profiler(rows: 0..<split, declared: false)
            first.merge(try fixture.profiler(rows: split..<n, declared: false))
            #expect(first.finish() == whole, "split at row \(split)")
        }
    }

    @Test func threePartsInAnyGrouping() throws {
        let fixture = try ProfileFixture.load("events")
        let whole = try fixture.profile(declared: true)
        let parts = try [0..<1000, 1000..<2100, 2100..<3000].map { try fixture.profiler(rows: $0, declared: true) }
        var left = parts[0]
        left.merge(parts[1])
        left.merge(parts[2])
        var right = parts[1]
        right.merge(parts[2])
        var grouped = parts[0]
        grouped.merge(right)
        #expect(left.finish() == whole)
        #expect(grouped.finish() == whole)
        #expect(left.rowCount == 3000)
    }

    @Test func typeFoundInTheOtherPartDecides() throws {
        var numbers = TableProfiler(columns: [ColumnDeclaration(name: "x")])
        try numbers.add("1", column: 0)
        numbers.endRow()
        var text = TableProfiler(columns: [ColumnDeclaration(name: "x")], firstRow: 2)
        try text.add("one", column: 0)
        text.endRow()
        numbers.merge(text)
        let column = numbers.finish().columns[0]
        #expect(column.type == .text)
        #expect(column.valueCounts.entries.map(\.value) == [.text("1"), .text("one")])
    }
}
