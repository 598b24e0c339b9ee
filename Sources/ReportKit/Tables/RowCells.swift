/// One row's cells, allocated once per scan at the column count and refilled for each row;
/// plus scratch bytes for cells that need a copy (unescaped quotes, decoded JSON strings).
final class RowCells {
    let cells: UnsafeMutableBufferPointer<UnsafeRawBufferPointer?>
    private(set) var scratch: UnsafeMutableRawBufferPointer

    init(count: Int) {
        cells = .allocate(capacity: count)
        cells.initialize(repeating: nil)
        scratch = .allocate(byteCount: 256, alignment: 1)
    }

    deinit {
        cells.deallocate()
        scratch.deallocate()
    }

    /// Makes the scratch at least `byteCount` long. Earlier pointers into it are invalid after.
    func reserveScratch(_ byteCount: Int) {
        guard byteCount > scratch.count else { return }
        scratch.deallocate()
        scratch = .allocate(byteCount: max(byteCount, scratch.count * 2), alignment: 1)
    }

    /// The filled cells as a row.
    func view(number: Int, line: Int?) -> TableRowView {
        TableRowView(number: number, line: line, cells: UnsafeBufferPointer(cells))
    }
}
