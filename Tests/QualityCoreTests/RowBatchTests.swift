import Testing
@testable import QualityCore

/// The batches ``ColumnSplit`` hands its workers.
@Suite struct RowBatchTests {
    @Test("a row batch's place table stays within 4 MiB: 8,192 rows of a narrow table, fewer of a wide one, at least 16")
    func rowBatchCapacity() {
        #expect(RowBatch.capacity(forWidth: 8) == 8192)
        #expect(RowBatch.capacity(forWidth: 5_000) == 104)
        #expect(RowBatch.capacity(forWidth: 1_000_000) == 16)
        #expect(RowBatch(width: 5_000).capacity * 5_000 * MemoryLayout<RowBatch.Cell>.stride <= 4 << 20)
    }
}
