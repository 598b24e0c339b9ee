@testable import QualityCore
import ReportKit
import Testing

/// What ``ColumnSplit/finish()`` hands back is the profiler's only copy.
@Suite struct ColumnSplitHandOverTests {
    @Test("the profiler a split hands back shares no buffer with the split: a keyed column's cells sort in place, not in a copy")
    func handedBackAlone() throws {
        var profiler = TableProfiler(
            columns: [ColumnDeclaration(name: "id", type: .integer), ColumnDeclaration(name: "n", type: .integer)],
            limits: ProfileLimits(typedKeysAfter: 1_000))
        let split = ColumnSplit(&profiler, workers: 2)
        let cells = UnsafeMutableBufferPointer<UnsafeRawBufferPointer?>.allocate(capacity: 2)
        defer { cells.deallocate() }
        for row in 0..<20_000 {
            let texts = [Array(String(20_000 - row).utf8), Array(String(row % 7).utf8)]  // ids descending: a sort to do
            try texts[0].withUnsafeBytes { id in
                try texts[1].withUnsafeBytes { n in
                    cells[0] = id
                    cells[1] = n
                    try split.add(TableRowView(number: row + 1, line: row + 2, cells: UnsafeBufferPointer(cells)))
                }
            }
        }
        var finished = try split.finish()
        guard let before = finished.columns[0].keyedCellsIdentity else {
            Issue.record("the id column is not keyed")
            return
        }
        finished.prepareToFinish()
        #expect(finished.columns[0].keyedCellsIdentity == before, "sorted in place: no other copy held the keys")
        #expect(finished.finish().columns[0].min == .integer(1))
        withExtendedLifetime(split) {}
    }
}
