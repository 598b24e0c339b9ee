@testable import QualityCore
import ReportKit
import Testing

/// ``ValueCountScope``: listing only the most frequent value changes the value counts alone,
/// never a figure; and a sketched column keeps the raw-byte sketches only when it can be text.
@Suite struct ValueCountScopeTests {
    /// Ties everywhere: spellings of one number, texts of equal counts out of code-point
    /// order, a date among timestamps, booleans, a missing cell now and then.
    static let columns = [
        ColumnDeclaration(name: "n", type: .number), ColumnDeclaration(name: "i", type: .integer),
        ColumnDeclaration(name: "t", type: .text), ColumnDeclaration(name: "when", type: .timestamp),
        ColumnDeclaration(name: "day", type: .date), ColumnDeclaration(name: "flag", type: .boolean),
        ColumnDeclaration(name: "guess"),
    ]

    static func rows(_ count: Int) -> [[String]] {
        let numbers = ["1", "1.0", "2", "-0", "0.0", "3.50", "3.5"]
        let texts = ["zeta", "Åse", "alpha", "alpha beta", "Zürich", "b"]
        return (0..<count).map { index in
            [numbers[index % numbers.count], String(index % 4 == 3 ? -(index % 9) : index % 9),
             index % 11 == 0 ? "" : texts[(index * 7) % texts.count],
             index % 5 == 0 ? "2024-01-0\(1 + index % 3)" : "2024-01-01T0\(index % 3):00:00Z",
             "2024-02-\(10 + index % 6)", index % 3 == 0 ? "true" : "FALSE", index % 2 == 0 ? "x\(index % 3)" : String(index % 3)]
        }
    }

    static func profile(_ rows: [[String]], limits: ProfileLimits = .exact, scope: ValueCountScope, threads: Int = 1) throws -> TableProfile {
        var profiler = TableProfiler(columns: columns, limits: limits)
        for row in rows {
            for (column, cell) in row.enumerated() where !cell.isEmpty { try profiler.add(cell, column: column) }
            profiler.endRow()
        }
        return profiler.finish(threads: threads, valueCounts: scope)
    }

    @Test("the most frequent alone gives every figure of the full list, and the list's first entry", arguments: [1, 2, 6, 420, 421])
    func sameFigures(rows count: Int) throws {
        let rows = Self.rows(count)
        let all = try Self.profile(rows, scope: .all)
        for threads in [1, 2] {
            let top = try Self.profile(rows, scope: .mostFrequent, threads: threads)
            for (full, short) in zip(all.columns, top.columns) {
                var expected = full
                expected.valueCounts.entries = Array(full.valueCounts.entries.prefix(1))
                #expect(short == expected, "\(full.name), \(count) rows, \(threads) threads")
            }
        }
        let byName = Dictionary(uniqueKeysWithValues: all.columns.map { ($0.name, $0) })
        if count == 420 {
            // 420 rows: every number spelling 60 times, so 1 (1 and 1.0) and 0 (-0, 0.0) tie at 120: the smaller wins.
            #expect(byName["n"]?.top?.value == .number(0))
            #expect(byName["n"]?.distinct == Figure(4))
        }
    }

    @Test("a table with no rows, or an all-missing column, lists nothing either way")
    func empty() throws {
        for rows in [[], [["", "", "", "", "", "", ""]]] as [[[String]]] {
            let top = try Self.profile(rows, scope: .mostFrequent)
            #expect(top == (try Self.profile(rows, scope: .all)))
            #expect(top.columns.allSatisfy { $0.valueCounts.entries.isEmpty && $0.top == nil })
        }
    }

    @Test("sketch mode lists its candidates in both scopes")
    func sketched() throws {
        let rows = Self.rows(2_000)
        let limits = ProfileLimits(exactDistinctPerColumn: 3)
        let all = try Self.profile(rows, limits: limits, scope: .all)
        let top = try Self.profile(rows, limits: limits, scope: .mostFrequent)
        #expect(all.columns.contains { !$0.distinct.isExact } && all.columns.contains { $0.distinct.isExact })
        for (full, short) in zip(all.columns, top.columns) {
            var expected = full
            if full.distinct.isExact { expected.valueCounts.entries = Array(full.valueCounts.entries.prefix(1)) }
            #expect(short == expected, "\(full.name)")
        }
    }

    @Test("a sketched column declared other than text keeps no raw-byte sketches, and its figures are the undeclared column's")
    func noRawSketchUnlessText() throws {
        let values = (0..<5_000).map { String(($0 * 7_919) % 4_001 - 2_000) }
        let limits = ProfileLimits(exactDistinctPerColumn: 100)
        var declared = TableProfiler(columns: [ColumnDeclaration(name: "v", type: .integer)], limits: limits)
        var undeclared = TableProfiler(columns: [ColumnDeclaration(name: "v")], limits: limits)
        var text = TableProfiler(columns: [ColumnDeclaration(name: "v", type: .text)], limits: limits)
        for value in values {
            try declared.add(value, column: 0)
            try undeclared.add(value, column: 0)
            try text.add(value, column: 0)
            declared.endRow()
            undeclared.endRow()
            text.endRow()
        }
        #expect(declared.columns[0].sketch?.raw == nil)
        #expect(declared.columns[0].sketch?.numeric != nil)
        #expect(undeclared.columns[0].sketch?.raw != nil)
        #expect(text.columns[0].sketch?.raw != nil)
        #expect(declared.finish() == undeclared.finish())
        #expect(text.finish().columns[0].lengths == TextLengths(min: 1, mean: Double(values.reduce(0) { $0 + $1.count }) / 5_000, max: 5))
    }
}
