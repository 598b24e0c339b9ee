import ReportKit

/// The `sql` report: a query's rows as one CSV file, read through ``TableSource`` (a SQLite
/// query, or any other table).
///
/// The file has a header of the column names, then one record per row; a missing value
/// (SQL `NULL`) is an empty field and an empty text is `""`, so the file reads back with the
/// same cells. Nothing else is changed: cells are written as the source gives them.
public enum SQLReport {
    /// What the report made.
    public struct Output: Sendable, Hashable {
        /// The CSV file's bytes (UTF-8, `\n` line ends).
        public var csv: [UInt8]
        /// The columns, as the source described them.
        public var columns: [SourceColumn]
        /// The number of rows (the header not counted).
        public var rowCount: Int
    }

    /// Reads every row of `source` into a CSV file in `dialect`.
    public static func run(_ source: some TableSource, dialect: CSVDialect = .rfc4180) async throws -> Output {
        var writer = CSVWriter(dialect: dialect)
        var columns: [SourceColumn] = []
        var rowCount = 0
        try await source.scan(
            columns: { described in
                columns = described
                writer.write(described.map(\.name))
            },
            row: { row in
                writer.write(row: row)
                rowCount += 1
            })
        return Output(csv: writer.bytes, columns: columns, rowCount: rowCount)
    }
}
