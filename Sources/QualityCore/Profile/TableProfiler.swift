import Dispatch
import ReportKit
import Synchronization

/// Profiles a table fed one field at a time, from any reader: CSV, JSON Lines, a database.
///
///     var profiler = TableProfiler(columns: [.init(name: "age", type: .integer), .init(name: "name")])
///     for row in rows {
///         for (column, field) in row.enumerated() { try profiler.add(field, column: column) }
///         profiler.endRow()
///     }
///     let profile = profiler.finish()
///
/// Fields are raw UTF-8 bytes, already unquoted; an empty field is a missing value, and a
/// field not given for a row counts as missing too. Two profilers over consecutive parts
/// of a table ``merge(_:)`` into the profiler of the whole: in exact mode the finished
/// profile is the same value, figure for figure.
public struct TableProfiler: Sendable {
    public private(set) var columns: [ColumnAccumulator]
    /// Data rows ended so far.
    public private(set) var rowCount = 0
    /// The number of this profiler's first row in the table (for error messages).
    public let firstRow: Int
    private let limits: ProfileLimits
    /// The budget's look ahead, when the table's rows are about known and the limits ask for it.
    let projection: BudgetProjection?

    /// A profiler of `columns`. `expectedRows`, a table source's estimate of its rows
    /// (``TableSource/estimatedRowCount()``), lets the budget look ahead
    /// (``BudgetProjection``) unless `limits` say otherwise.
    public init(columns: [ColumnDeclaration], limits: ProfileLimits = .default, firstRow: Int = 1, expectedRows: Int? = nil) {
        self.columns = columns.map { ColumnAccumulator(name: $0.name, declared: $0.type, limits: limits) }
        self.limits = limits
        self.firstRow = firstRow
        projection = BudgetProjection.isWanted(by: limits) ? BudgetProjection(expectedRows: expectedRows) : nil
    }

    /// Adds field `bytes` of the current row to column `column` (0-based).
    /// Throws when the column has a declared type that the value is not.
    @inline(__always)
    public mutating func add(_ bytes: UnsafeRawBufferPointer, column: Int) throws(ProfileError) {
        try columns[column].add(bytes, row: firstRow + rowCount)
    }

    /// Adds a row's cells (`nil` or empty: missing) and ends the row: the same figures and
    /// the same first error as ``add(_:column:)`` of each cell in order, then ``endRow()``,
    /// with one check of the columns' storage per row instead of one per cell. Cells past
    /// the profiler's columns are ignored.
    ///
    /// Every cell is hashed and, in a value table past the caches, its first slot asked for
    /// before any cell is added, so on a table far bigger than the caches the misses of
    /// the row's columns overlap.
    @inline(__always)
    public mutating func add(row: TableRowView) throws(ProfileError) {
        let width = Swift.min(row.count, columns.count)
        let number = firstRow + rowCount
        try columns.withUnsafeMutableBufferPointer { (columns) throws(ProfileError) in
            for index in 0..<width {
                if let cell = row[index], !cell.isEmpty { columns[index].prefetch(cell) }
            }
            for index in 0..<width {
                if let cell = row[index] { try columns[index].addPrefetched(cell, row: number) }
            }
        }
        endRow()
    }

    /// Adds `text` as a field (for tests and small inputs).
    public mutating func add(_ text: String, column: Int) throws(ProfileError) {
        var copy = text
        let result: Result<Void, ProfileError> = copy.withUTF8 { buffer in
            do throws(ProfileError) {
                try add(UnsafeRawBufferPointer(buffer), column: column)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Ends the current row.
    @inline(__always)
    public mutating func endRow() {
        rowCount += 1
        if rowCount & 0x3FF == 0 {
            let (budget, rows, projection) = (limits.exactBytes, rowCount, projection)
            columns.withUnsafeMutableBufferPointer { Self.checkBudget(budget, projection, rows: rows, on: $0) }
        }
    }

    /// Adds the state of the rows that follow this profiler's (same columns, same limits).
    public mutating func merge(_ later: TableProfiler) {
        precondition(later.columns.count == columns.count, "profilers of different tables")
        for index in columns.indices { columns[index].merge(later.columns[index]) }
        rowCount += later.rowCount
        enforceBudget()
    }

    /// Switches the columns holding most exact values to sketches until all fit the budget.
    private mutating func enforceBudget() {
        let budget = limits.exactBytes
        columns.withUnsafeMutableBufferPointer { Self.enforce(budget, on: $0) }
    }

    /// The check after every 1,024th row, `rows` rows in (also ``ColumnSplit``'s): the look
    /// ahead at its row, then the budget itself.
    static func checkBudget(
        _ budget: Int, _ projection: BudgetProjection?, rows: Int, on columns: UnsafeMutableBufferPointer<ColumnAccumulator>
    ) {
        if let projection, projection.row == rows { projection.apply(budget: budget, to: columns) }
        enforce(budget, on: columns)
    }

    /// ``enforceBudget()`` on `columns`: the one rule.
    static func enforce(_ budget: Int, on columns: UnsafeMutableBufferPointer<ColumnAccumulator>) {
        while true {
            let total = columns.reduce(0) { $0 + $1.exactBytes }
            guard total > budget,
                  let largest = columns.indices.max(by: { columns[$0].exactBytes < columns[$1].exactBytes }),
                  columns[largest].exactBytes > 0
            else { return }
            columns[largest].switchToSketch()
        }
    }

    /// The budget ``enforceBudget()`` holds the exact values to.
    var exactBudget: Int { limits.exactBytes }

    /// Takes the columns out for ``ColumnSplit``, which adds rows column by column on several
    /// threads and checks the budget itself after every 1,024th row, as ``endRow()`` does. The
    /// profiler holds none until ``takeBack(_:rowsAdded:)`` (so their tables are not shared and
    /// grow in place); the caller deinitializes and frees the buffer if it never gives it back.
    mutating func lendColumns() -> UnsafeMutableBufferPointer<ColumnAccumulator> {
        let buffer = UnsafeMutableBufferPointer<ColumnAccumulator>.allocate(capacity: columns.count)
        var lent: [ColumnAccumulator] = []
        swap(&lent, &columns)
        _ = buffer.initialize(from: lent)
        lent.removeAll()
        return buffer
    }

    /// The columns ``lendColumns()`` lent, with `rowsAdded` more rows; frees the buffer.
    mutating func takeBack(_ buffer: UnsafeMutableBufferPointer<ColumnAccumulator>, rowsAdded: Int) {
        columns = Array(buffer)
        buffer.deinitialize()
        buffer.deallocate()
        rowCount += rowsAdded
    }

    /// Sorts the keyed columns' cells in place, up to `threads` columns at once, so that a
    /// finish reads them without copying them (``TypedKeys/sortCells(spare:)``): the same
    /// profile. The columns one thread sorts share the sort's second buffer (``RadixSortSpare``).
    public mutating func prepareToFinish(threads: Int = 1) {
        let keyed = columns.indices.filter { columns[$0].isKeyed }
        let most = keyed.map { columns[$0].keyedCells }.max() ?? 0  // each spare's room, so none grows
        guard threads > 1, keyed.count > 1 else {
            let spare = RadixSortSpare(keys: most)
            for index in keyed { columns[index].prepareToFinish(spare: spare) }
            return
        }
        let next = Atomic<Int>(0)
        columns.withUnsafeMutableBufferPointer { columns in
            nonisolated(unsafe) let shared = columns  // each column is claimed by one thread only
            DispatchQueue.concurrentPerform(iterations: Swift.min(threads, keyed.count)) { _ in
                let spare = RadixSortSpare(keys: most)
                while true {
                    let claimed = next.add(1, ordering: .relaxed).oldValue
                    guard claimed < keyed.count else { return }
                    shared[keyed[claimed]].prepareToFinish(spare: spare)
                }
            }
        }
    }

    /// The table's profile, listing the value counts of `scope` (every value by default).
    public func finish(valueCounts scope: ValueCountScope = .all) -> TableProfile {
        TableProfile(rowCount: rowCount, columns: columns.map { $0.finish(rows: rowCount, scope: scope) })
    }
}

/// A column to profile: its name and, when declared, its type.
public struct ColumnDeclaration: Sendable, Hashable {
    public var name: String
    public var type: ColumnType?

    public init(name: String, type: ColumnType? = nil) {
        self.name = name
        self.type = type
    }
}
