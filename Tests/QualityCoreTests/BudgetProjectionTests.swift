import Foundation
@testable import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// ``BudgetProjection``: a sixteenth of the way into a table of known size, the columns that
/// would pass the budget by its end are sketched then.
@Suite struct BudgetProjectionTests {
    @Test("the row it looks ahead at: a sixteenth of the rows, rounded up to 65,536; none for a small table or no estimate")
    func row() {
        #expect(BudgetProjection(expectedRows: nil) == nil)
        #expect(BudgetProjection(expectedRows: 65_536) == nil, "the row would be the last")
        #expect(BudgetProjection(expectedRows: 65_537)?.row == 65_536)
        #expect(BudgetProjection(expectedRows: 10_000_000)?.row == 655_360)
        #expect(BudgetProjection(expectedRows: 16 << 20)?.row == 1 << 20)
        #expect(BudgetProjection(expectedRows: (16 << 20) + 16)?.row == (1 << 20) + 65_536)
    }

    @Test("distinct values ahead: all distinct grow with the cells; drawn from a bounded set, as drawing more of it gives")
    func distinctAhead() {
        #expect(BudgetProjection.distinct(1000, of: 1000, at: 16_000) == 16_000)
        #expect(BudgetProjection.distinct(0, of: 1000, at: 16_000) == 0)
        var random = SplitMix(seed: 5)
        for size in [300_000, 1_000_000, 5_000_000] {
            var seen = Set<UInt64>()
            var atSixteenth = 0
            for draw in 1...800_000 {
                seen.insert(random.next() % UInt64(size))
                if draw == 50_000 { atSixteenth = seen.count }
            }
            let projected = BudgetProjection.distinct(atSixteenth, of: 50_000, at: 800_000)
            #expect(abs(Double(projected) / Double(seen.count) - 1) < 0.01, "from \(size) values: \(projected) against \(seen.count)")
            #expect(projected >= atSixteenth && projected <= 800_000)
        }
    }

    /// Row `index`'s cells: a text all distinct, one drawn from 600,000 values, a code of 10.
    static func cells(_ index: Int, _ random: inout SplitMix) -> [String] {
        ["distinct note number \(index)", "drawn note number \(100_000 + random.next() % 600_000)", "code \(index % 10)"]
    }

    static let columns = ["unique", "drawn", "code"].map { ColumnDeclaration(name: $0, type: .text) }

    @Test("at its row it sketches the column that would pass the budget, keeps one drawn from a bounded set, and not before")
    func sketchesAtItsRow() throws {
        let limits = ProfileLimits(exactBytes: 56 << 20)
        var early = TableProfiler(columns: Self.columns, limits: limits, expectedRows: 1 << 20)
        var late = TableProfiler(columns: Self.columns, limits: ProfileLimits(exactBytes: 56 << 20, sketchesEarly: false), expectedRows: 1 << 20)
        var random = SplitMix(seed: 9)
        for index in 0..<(65_536 + 1024) {
            if index == 65_535 { #expect(early.columns.allSatisfy { $0.sketch == nil }, "nothing sketched before the row") }
            let row = Self.cells(index, &random)
            for (column, text) in row.enumerated() {
                try early.add(text, column: column)
                try late.add(text, column: column)
            }
            early.endRow()
            late.endRow()
        }
        #expect(early.columns[0].sketch != nil, "1M distinct texts would take about 80 MiB: sketched at row 65,536")
        #expect(early.columns[1].sketch == nil, "about 490,000 of 600,000 drawn ones would fit the 56 MiB: kept")
        #expect(early.columns[2].sketch == nil)
        #expect(late.columns.allSatisfy { $0.sketch == nil }, "without the look ahead all fit so far")
        #expect(early.columns.map(\.count) == late.columns.map(\.count))
    }

    @Test("no estimate, --exact, or a budget the projection fits: nothing sketched early")
    func nothingEarly() throws {
        for (limits, expected) in [(ProfileLimits(exactBytes: 56 << 20), nil), (.exact, 1 << 20), (ProfileLimits(exactBytes: 512 << 20), 1 << 20)] {
            var profiler = TableProfiler(columns: Self.columns, limits: limits, expectedRows: expected)
            var random = SplitMix(seed: 9)
            for index in 0..<(65_536 + 1024) {
                for (column, text) in Self.cells(index, &random).enumerated() { try profiler.add(text, column: column) }
                profiler.endRow()
            }
            #expect(profiler.columns.allSatisfy { $0.sketch == nil }, "\(limits.exactBytes) bytes, \(String(describing: expected)) rows")
        }
    }

    @Test("a file read on one thread and on two: the look ahead sketches the same column at the same row")
    func sameOnTwoThreads() async throws {
        var text = "id,x,code\n"
        var random = SplitMix(seed: 3)
        for index in 0..<200_000 { text += "\(index),\(100_000 + random.next() % 900_000).\(random.next() % 1000),c\(index % 7)\n" }
        let source = DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data(text.utf8)]), key: "t.csv")
        let estimate = try #require(await source.estimatedRowCount())
        #expect(abs(estimate - 200_000) < 20_000, "a hint, from rows with shorter ids first: \(estimate)")
        let limits = ProfileLimits(exactBytes: 16 << 20)
        let one = try await ProfileJob.run(source, limits: limits)
        #expect(one.columns[1].distinct.isExact == false, "x is sketched")
        #expect(one.columns[0].distinct.isExact, "id fits once x is sketched")
        #expect(try await ProfileJob.run(source, limits: limits, parts: .always(2)) == one)
        let late = try await ProfileJob.run(source, limits: ProfileLimits(exactBytes: 16 << 20, sketchesEarly: false))
        #expect(!late.columns[1].distinct.isExact)
        #expect(late.columns[1].p50 != one.columns[1].p50, "sketched at another row, the quantile sketch saw other values exactly")
    }
}
