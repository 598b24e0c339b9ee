import ReportKit

extension TableSelection {
    /// The statement that reads the selection: a table's name quoted as an SQL identifier
    /// (`"` doubled), so any name is read as a name and never as SQL.
    var statement: String {
        switch self {
        case .table(let name): return "SELECT * FROM \(TableSelection.quotedIdentifier(name))"
        case .query(let sql): return sql
        }
    }

    /// `name` as a quoted SQL identifier: `"a""b"` for `a"b`.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
