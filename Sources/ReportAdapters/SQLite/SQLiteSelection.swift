import Foundation

/// What a SQLite source reads from its database: every row of one table, or one query's rows.
public enum SQLiteSelection: Sendable, Hashable, CustomStringConvertible {
    /// `SELECT * FROM "name"`; the table (or view) must exist.
    case table(String)
    /// One read-only SQL statement.
    case query(String)

    /// How messages name it: `table "visits"`, `query "select …"` (its first 80 characters).
    public var description: String {
        switch self {
        case .table(let name): return "table \"\(name)\""
        case .query(let sql): return "query \"\(Self.excerpt(sql))\""
        }
    }

    /// The first 80 characters of `sql` on one line, `…` when cut.
    static func excerpt(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}

extension SQLiteSelection {
    /// The statement that reads the selection: a table's name quoted as an SQL identifier
    /// (`"` doubled), so any name is read as a name and never as SQL.
    var statement: String {
        switch self {
        case .table(let name): return "SELECT * FROM \(SQLiteSelection.quotedIdentifier(name))"
        case .query(let sql): return sql
        }
    }

    /// `name` as a quoted SQL identifier: `"a""b"` for `a"b`.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
