/// Where a table's rows come from: a CSV, TSV or JSON Lines object in a store, a SQLite table
/// or query, a PostgreSQL `COPY` stream. Profiles, checks and SQL reports read every table
/// through this one port, so they never hold a table as a list of rows.
///
/// A conforming source must: call `columns` once, before any row, with every column in source
/// order; then call `row` once per row in source order, each row holding exactly as many cells
/// as there are columns; never keep a ``TableRowView`` past the call it was handed to; and throw
/// a located error (a ``ParseError`` naming the file, line and column, or the source's own error
/// naming the table) for input it cannot read, after which it calls nothing more.
public protocol TableSource: Sendable {
    /// How the source names itself in messages (`data/orders.csv`, `sqlite://clinic.db?table=visits`);
    /// never a password or a token.
    var displayName: String { get }

    /// Reads the table from the start, calling `columns` once and then `row` for each row.
    func scan(
        columns: ([SourceColumn]) throws -> Void,
        row: (TableRowView) throws -> Void
    ) async throws

    /// About how many rows ``scan(columns:row:)`` will hand on, known before reading them
    /// (a file's size over the length of its first and last lines), or `nil` when the source cannot tell
    /// cheaply. A hint only: a profile uses it to sketch early a column that would not fit
    /// its memory budget by the last row (``RowCountEstimate``); nothing fails without it.
    func estimatedRowCount() async -> Int?
}

extension TableSource {
    /// No estimate: a query, a source of rows made in memory.
    public func estimatedRowCount() async -> Int? { nil }
}

/// One column as its source describes it.
public struct SourceColumn: Sendable, Hashable {
    /// The column's name (a CSV header field, a SQL column name).
    public var name: String
    /// The type the source declares, in its own words (`INTEGER`, `timestamp with time zone`),
    /// or `nil` when it declares none (CSV, JSON Lines).
    public var declaredType: String?

    public init(name: String, declaredType: String? = nil) {
        self.name = name
        self.declaredType = declaredType
    }
}

/// One row while it is being read: each cell's text as UTF-8 bytes, or `nil` when the value is
/// missing (SQL `NULL`, an empty unquoted CSV field, a JSON `null` or absent member). A quoted
/// empty CSV field (`""`) is an empty text, not a missing value.
///
/// The bytes are valid only during the call the view is handed to: copy what must outlive it.
public struct TableRowView {
    /// The row's 1-based number among the table's rows (the header is not a row).
    public let number: Int
    /// The line the row starts on in its file, when the source is a file; `nil` for a query.
    public let line: Int?
    private let cells: UnsafeBufferPointer<UnsafeRawBufferPointer?>

    /// A view of `cells`, which must stay valid while the view is used.
    public init(number: Int, line: Int?, cells: UnsafeBufferPointer<UnsafeRawBufferPointer?>) {
        self.number = number
        self.line = line
        self.cells = cells
    }

    /// How many cells the row has: the number of columns.
    public var count: Int { cells.count }

    /// Cell `index`'s bytes, `nil` when missing.
    public subscript(index: Int) -> UnsafeRawBufferPointer? { cells[index] }

    /// Cell `index` as text, `nil` when missing.
    public func text(_ index: Int) -> String? {
        cells[index].map { String(decoding: $0, as: UTF8.self) }
    }
}
