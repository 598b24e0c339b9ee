/// What a database source reads: every row of one table, or one query's rows. The same for
/// SQLite and PostgreSQL, written `?table=NAME` or `?query=SQL` after a source's URL.
public enum TableSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every row of the table (or view) `name`, which must exist.
    case table(String)
    /// The rows of one read-only SQL statement.
    case query(String)

    /// How messages name it: `table "visits"`, `query "select …"` (its first 80 characters).
    public var description: String {
        switch self {
        case .table(let name): return "table \"\(name)\""
        case .query(let sql): return "query \"\(Self.excerpt(sql))\""
        }
    }

    /// The first 80 characters of `sql` on one line, `…` when cut.
    public static func excerpt(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}
