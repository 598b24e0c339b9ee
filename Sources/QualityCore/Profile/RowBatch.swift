import ReportKit

/// Rows copied out of a ``TableRowView`` so they outlive the call they were handed to: every
/// non-empty cell's bytes end to end in one arena, each cell's place in it by column (a
/// column's cells of all the batch's rows lie side by side, which is how ``ColumnSplit``'s
/// workers read them), and each row's line and number.
///
/// Filled on one thread, then read by several at once while nothing fills it.
final class RowBatch: @unchecked Sendable {
    /// A cell's bytes in the arena; `length` 0 for a missing or empty cell (the same in a profile).
    struct Cell {
        var offset: UInt32
        var length: UInt32
    }

    /// Rows a batch holds at most.
    let capacity: Int
    /// Columns per row.
    let width: Int
    /// Arena bytes past which the batch counts as full (a batch of long rows ends sooner).
    private let byteLimit: Int
    /// `width × capacity` cells, column after column.
    private let cells: UnsafeMutablePointer<Cell>
    private let lines: UnsafeMutablePointer<Int>
    private let numbers: UnsafeMutablePointer<Int>
    private var arena: CellArena
    /// Rows held.
    private(set) var count = 0

    /// Rows per batch for `width` columns: 8,192, fewer for a wide table, so that a batch's
    /// place table (8 bytes a cell, present or not) stays within 4 MiB whatever the width;
    /// at least 16.
    static func capacity(forWidth width: Int) -> Int {
        Swift.min(8192, Swift.max(16, (1 << 19) / Swift.max(1, width)))
    }

    init(width: Int, capacity: Int? = nil, byteLimit: Int = 4 << 20) {
        self.width = width
        self.capacity = capacity ?? Self.capacity(forWidth: width)
        self.byteLimit = byteLimit
        cells = .allocate(capacity: max(1, width * self.capacity))
        lines = .allocate(capacity: self.capacity)
        numbers = .allocate(capacity: self.capacity)
        arena = CellArena(capacity: byteLimit + (64 << 10))
    }

    deinit {
        cells.deallocate()
        lines.deallocate()
        numbers.deallocate()
    }

    /// No more rows fit.
    var isFull: Bool { count == capacity || arena.used >= byteLimit }

    /// Empties the batch.
    func clear() {
        count = 0
        arena.clear()
    }

    /// Copies `row` in; cells past `width` are dropped, cells it lacks are missing. Not
    /// inlined: within its own call the batch needs no retain and release per row, which,
    /// with the helper thread touching the same batch's count, cost 9% of a 10M-row profile.
    @inline(never)
    func append(_ row: TableRowView) {
        let index = count
        let present = Swift.min(row.count, width)
        var column = 0
        while column < present {
            var cell = Cell(offset: 0, length: 0)
            if let bytes = row[column], !bytes.isEmpty {
                cell = Cell(offset: arena.append(bytes), length: UInt32(truncatingIfNeeded: bytes.count))
            }
            cells[column * capacity + index] = cell
            column += 1
        }
        while column < width {
            cells[column * capacity + index] = Cell(offset: 0, length: 0)
            column += 1
        }
        lines[index] = row.line ?? Int.min
        numbers[index] = row.number
        count += 1
    }

    /// Column `column`'s cells, by row.
    func cells(of column: Int) -> UnsafePointer<Cell> { UnsafePointer(cells + column * capacity) }

    /// The arena the cells' offsets count from.
    var bytes: UnsafeRawPointer { UnsafeRawPointer(arena.base) }

    /// Row `row`'s line in its file (`nil` for a query) and its number.
    func place(of row: Int) -> (line: Int?, number: Int) {
        (lines[row] == Int.min ? nil : lines[row], numbers[row])
    }

    /// Column `column`'s non-empty cells in `rows` and their bytes.
    func load(of column: Int, rows: Range<Int>) -> (values: Int, bytes: Int) {
        let cells = cells(of: column)
        var values = 0, total = 0
        for row in rows where cells[row].length > 0 {
            values += 1
            total += Int(cells[row].length)
        }
        return (values, total)
    }
}
