import ReportKit

/// A SQLite database could not be read: which file, which table or query, and why (SQLite's
/// own message and result code when SQLite said no).
///
///     sqlite: data/clinic.db: table "visit": no such table (tables: biospecimen, participant, visits)
public struct SQLiteError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The path names something that is not a regular file (`a directory`, `a FIFO`): it is
        /// refused before SQLite opens it.
        case notARegularFile(kind: String)
        /// The file cannot be read: the system's reason (`No such file or directory`).
        case unreadable(String)
        /// SQLite said no: its primary and extended result codes and its message.
        case sqlite(code: Int32, extendedCode: Int32, message: String)
        /// The query writes (or may write) to a database; only read-only statements are run.
        case notReadOnly
        /// Text follows the query's one statement (`select 1; delete from t`).
        case moreThanOneStatement(trailing: String)
        /// The query is empty, or only comments.
        case emptyQuery
        /// The statement returns no columns (`BEGIN`, a pragma that sets something).
        case noColumns
        /// The table (or view) does not exist: the tables the database has.
        case noSuchTable(tables: [String])
        /// The query ran longer than its time-out and was interrupted.
        case timedOut(seconds: Double)
    }

    /// The database file as the caller named it.
    public var file: String
    /// The table or query being read, when there was one.
    public var selection: TableSelection?
    public var reason: Reason

    public init(file: String, selection: TableSelection? = nil, reason: Reason) {
        self.file = file
        self.selection = selection
        self.reason = reason
    }

    /// Bad input (exit 2) for a bad table, query or file; an outside failure (exit 3) when
    /// SQLite met an I/O error, a lock it could not wait out, a full disk or no memory, and
    /// for a time-out (the database did not answer in time).
    public var category: ErrorCategory {
        switch reason {
        case .sqlite(let code, _, _):
            return Self.outsideCodes.contains(code) ? .outsideSystem : .badInput
        case .timedOut:
            return .outsideSystem
        case .notARegularFile, .unreadable, .notReadOnly, .moreThanOneStatement, .emptyQuery, .noColumns, .noSuchTable:
            return .badInput
        }
    }

    /// SQLITE_NOMEM, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL, SQLITE_PROTOCOL.
    static let outsideCodes: Set<Int32> = [7, 10, 5, 6, 13, 15]

    /// SQLite's primary result code, when SQLite gave one.
    public var code: Int32? {
        if case .sqlite(let code, _, _) = reason { return code }
        return nil
    }

    public var description: String {
        let target = selection.map { ": \($0)" } ?? ""
        return "sqlite: \(file)\(target): \(explanation)"
    }

    private var explanation: String {
        switch reason {
        case .notARegularFile(let kind): return "not a regular file (\(kind)); refused before opening"
        case .unreadable(let why): return "cannot read the file: \(why)"
        case .sqlite(let code, let extended, let message):
            let codes = extended == code ? "\(code)" : "\(code), extended \(extended)"
            return "\(message) (SQLite error \(codes))"
        case .notReadOnly: return "only read-only statements can be run, and this one writes"
        case .moreThanOneStatement(let trailing):
            return "only one statement can be run; text follows it: \"\(TableSelection.excerpt(trailing))\""
        case .emptyQuery: return "the query is empty"
        case .noColumns: return "the statement returns no columns"
        case .noSuchTable(let tables):
            let list = tables.isEmpty ? "the database has no tables" : "tables: " + tables.joined(separator: ", ")
            return "no such table (\(list))"
        case .timedOut(let seconds): return "interrupted after its time-out of \(seconds) s"
        }
    }
}
