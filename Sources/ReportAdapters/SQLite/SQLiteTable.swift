import ReportKit

/// A SQLite table or query read as a ``TableSource``: each scan opens the database read-only,
/// reads the rows through ``SQLiteDatabase/read(_:timeout:columns:row:)`` and closes it.
///
/// Column names and declared types come from SQLite (`INTEGER`, `date`; none for an
/// expression); cells are the values' text (``SQLiteCellText``): `NULL` is missing, integers
/// are decimal, reals the shortest text that reads back the same, blobs hexadecimal.
public struct SQLiteTable: TableSource {
    /// The database file.
    public var path: String
    public var selection: TableSelection
    /// How long a scan may take before it is interrupted; `nil` for no limit.
    public var timeout: Duration?
    /// How long a statement waits for another process's lock.
    public var busyTimeout: Duration
    public let displayName: String

    /// A source reading `selection` from the database at `path`. `displayName` defaults to
    /// `sqlite://PATH?table=NAME` (or `?query=…`, its first 80 characters).
    public init(
        path: String, selection: TableSelection, timeout: Duration? = nil, busyTimeout: Duration = .seconds(5),
        displayName: String? = nil
    ) {
        self.path = path
        self.selection = selection
        self.timeout = timeout
        self.busyTimeout = busyTimeout
        switch selection {
        case .table(let name): self.displayName = displayName ?? "sqlite://\(path)?table=\(name)"
        case .query(let sql): self.displayName = displayName ?? "sqlite://\(path)?query=\(TableSelection.excerpt(sql))"
        }
    }

    public func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
        let database = try SQLiteDatabase(readingAt: path, busyTimeout: busyTimeout)
        try database.read(selection, timeout: timeout, columns: columns, row: row)
    }
}
