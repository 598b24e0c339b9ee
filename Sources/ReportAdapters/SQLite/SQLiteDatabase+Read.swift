import CSQLite
import ReportKit

extension SQLiteDatabase {
    /// Reads `selection` as ``TableSource`` reads a table: `columns` once (names and declared
    /// types), then `row` per result row, cells as the values' text (see ``SQLiteCellText``).
    ///
    /// A table must exist (the error lists the tables); a query must be one read-only
    /// statement that returns columns. `timeout` bounds the whole read: past it the statement
    /// is interrupted and ``SQLiteError/Reason/timedOut(seconds:)`` thrown; a cancelled task
    /// interrupts it too (`CancellationError`).
    public func read(
        _ selection: TableSelection,
        timeout: Duration? = nil,
        columns: ([SourceColumn]) throws -> Void,
        row: (TableRowView) throws -> Void
    ) throws {
        if case .table(let name) = selection {
            let tables = try tableNames(for: selection)
            guard tables.contains(where: { SQLiteDatabase.sameName($0, name) }) else {
                throw SQLiteError(file: path, selection: selection, reason: .noSuchTable(tables: tables))
            }
        }
        let statement = try SQLiteStatement(preparing: selection.statement, in: self, for: selection)
        guard sqlite3_stmt_readonly(statement.handle) != 0 else {
            throw SQLiteError(file: path, selection: selection, reason: .notReadOnly)
        }
        guard statement.columnCount > 0 else {
            throw SQLiteError(file: path, selection: selection, reason: .noColumns)
        }
        try columns(statement.sourceColumns)
        let watch = SQLiteProgressWatch(timeout: timeout)
        do {
            try watch.watching(handle) {
                try readRows(of: statement, for: selection, row: row)
            }
        } catch let error as SQLiteError where error.code == SQLITE_INTERRUPT {
            if watch.cancelled { throw CancellationError() }
            if watch.expired, let timeout {
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                throw SQLiteError(file: path, selection: selection, reason: .timedOut(seconds: seconds))
            }
            throw error
        }
    }

    private func readRows(
        of statement: SQLiteStatement, for selection: TableSelection, row: (TableRowView) throws -> Void
    ) throws {
        var cells = SQLiteCellText(columnCount: statement.columnCount)
        var number = 0
        while try statement.step(in: self, for: selection) {
            number += 1
            try cells.withRow(of: statement.handle) { view in
                try row(TableRowView(number: number, line: nil, cells: view))
            }
        }
    }

    /// SQLite's name comparison: ASCII letters fold, nothing else does.
    static func sameName(_ left: String, _ right: String) -> Bool {
        let fold: (UInt8) -> UInt8 = { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return left.utf8.map(fold) == right.utf8.map(fold)
    }
}

extension SQLiteStatement {
    /// The result columns: names, and declared types (`nil` for an expression).
    var sourceColumns: [SourceColumn] {
        (0..<columnCount).map { index in
            let name = sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? "column \(index + 1)"
            let declared = sqlite3_column_decltype(handle, Int32(index)).map { String(cString: $0) }
            return SourceColumn(name: name, declaredType: declared)
        }
    }
}
