import ReportKit

/// Rows copied out of the ``TableRowView``s a source hands ``CheckRun``, so that probes can read
/// them after the call: every cell's bytes end to end in one arena, each row's cells side by
/// side, its line and number, and after ``seal()`` a ``TableRowView`` per row for
/// ``CheckProbe/add(_:)``. A missing cell stays missing and a present empty one stays present
/// (unlike ``RowBatch``, which a profile reads, where both are missing); a row keeps its own
/// number of cells.
///
/// Filled on one thread, sealed, then read by several at once while nothing fills it.
final class CheckRowBatch: @unchecked Sendable {
    /// A cell's place in the arena; `length` ``missing`` for a missing cell.
    private struct Cell {
        var offset: UInt32
        var length: UInt32
        static let missing = UInt32.max
    }

    /// Rows a batch holds at most.
    let capacity: Int
    /// Arena bytes past which the batch counts as full (a batch of long rows ends sooner).
    private let byteLimit: Int
    private var cells: UnsafeMutablePointer<Cell>
    private var views: UnsafeMutablePointer<UnsafeRawBufferPointer?>
    private var cellCapacity: Int
    private var cellsUsed = 0
    /// Row `r`'s cells are `starts[r]..<starts[r + 1]`.
    private let starts: UnsafeMutablePointer<Int>
    private let lines: UnsafeMutablePointer<Int>
    private let numbers: UnsafeMutablePointer<Int>
    private var arena: CellArena
    /// Rows held.
    private(set) var count = 0

    /// A batch of up to `capacity` rows of about `width` cells.
    init(width: Int, capacity: Int, byteLimit: Int = 4 << 20) {
        self.capacity = max(1, capacity)
        self.byteLimit = byteLimit
        cellCapacity = max(1, width * self.capacity)
        cells = .allocate(capacity: cellCapacity)
        views = .allocate(capacity: cellCapacity)
        starts = .allocate(capacity: self.capacity + 1)
        starts[0] = 0
        lines = .allocate(capacity: self.capacity)
        numbers = .allocate(capacity: self.capacity)
        arena = CellArena(capacity: byteLimit + (64 << 10))
    }

    deinit {
        cells.deallocate()
        views.deallocate()
        starts.deallocate()
        lines.deallocate()
        numbers.deallocate()
    }

    /// No more rows fit.
    var isFull: Bool { count == capacity || arena.used >= byteLimit }

    /// Empties the batch.
    func clear() {
        count = 0
        cellsUsed = 0
        arena.clear()
    }

    /// Copies `row` in.
    @inline(never)  // as RowBatch.append: no retain and release of the batch per row
    func append(_ row: TableRowView) {
        if cellsUsed + row.count > cellCapacity { growCells(toFit: row.count) }
        for column in 0..<row.count {
            var cell = Cell(offset: 0, length: Cell.missing)
            if let bytes = row[column] {
                cell = Cell(offset: arena.append(bytes), length: UInt32(truncatingIfNeeded: bytes.count))
            }
            cells[cellsUsed] = cell
            cellsUsed += 1
        }
        lines[count] = row.line ?? Int.min
        numbers[count] = row.number
        count += 1
        starts[count] = cellsUsed
    }

    /// Makes each cell's view into the arena, now that the arena no longer moves; call once
    /// the batch is filled, before ``row(_:)``.
    func seal() {
        let base = UnsafeRawPointer(arena.base)
        for index in 0..<cellsUsed {
            let cell = cells[index]
            views[index] = cell.length == Cell.missing ? nil : UnsafeRawBufferPointer(start: base + Int(cell.offset), count: Int(cell.length))
        }
    }

    /// Row `index` as its source handed it; valid until the batch is cleared.
    @inline(__always)
    func row(_ index: Int) -> TableRowView {
        let start = starts[index]
        return TableRowView(
            number: numbers[index], line: lines[index] == Int.min ? nil : lines[index],
            cells: UnsafeBufferPointer(start: views + start, count: starts[index + 1] - start))
    }

    private func growCells(toFit extra: Int) {
        let larger = Swift.max(cellCapacity * 2, cellsUsed + extra)
        let next = UnsafeMutablePointer<Cell>.allocate(capacity: larger)
        next.update(from: cells, count: cellsUsed)
        cells.deallocate()
        cells = next
        views.deallocate()
        views = .allocate(capacity: larger)
        cellCapacity = larger
    }
}
