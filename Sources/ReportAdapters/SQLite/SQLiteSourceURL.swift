import ReportKit

/// A SQLite source as a reports file names it:
///
///     sqlite://PATH                   the database; the table or query is given elsewhere
///     sqlite://PATH?table=NAME        every row of a table
///     sqlite://PATH?query=SQL         one read-only query
///
/// PATH and the values are percent-decoded (`%20` is a space, `%26` an `&`; a `+` stays a
/// `+`, since SQL uses it). A relative PATH (`sqlite://data/clinic.db`) is resolved against
/// the base directory the caller gives (a reports file's own directory); `sqlite:///abs.db`
/// is absolute.
public struct SQLiteSourceURL: Sendable, Hashable {
    /// The database file, resolved against the base directory.
    public var path: String
    /// The table or query, when the URL names one.
    public var selection: SQLiteSelection?

    public init(path: String, selection: SQLiteSelection?) {
        self.path = path
        self.selection = selection
    }

    /// Parses `text`, the value of `field` (`reports[2].tables.visits`), resolving a relative
    /// path against `baseDirectory`. Errors name the field and the column in `text`.
    public init(parsing text: String, field: String, relativeTo baseDirectory: String) throws {
        var parser = SQLiteSourceURLParser(text: text, field: field)
        let (path, selection) = try parser.parse()
        if path.hasPrefix("/") {
            self.path = path
        } else {
            var base = baseDirectory
            while base.count > 1, base.hasSuffix("/") { base.removeLast() }
            self.path = base.isEmpty ? path : (base == "/" ? "/" + path : base + "/" + path)
        }
        self.selection = selection
    }

    /// `true` when `text` is meant as a SQLite URL (starts with `sqlite:`), whether or not it
    /// is a good one: a reports file uses it to choose the reader.
    public static func isSQLite(_ text: String) -> Bool {
        text.utf8.count >= 7 && text.prefix(7).lowercased() == "sqlite:"
    }
}

/// A SQLite URL that cannot be read: the field, the 1-based column in the URL (counting
/// Unicode scalars) and what is wrong.
///
///     reports[1].source: column 24: unknown parameter "tabel" (expected table or query)
public struct SQLiteSourceURLError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var field: String
    public var column: Int
    public var message: String

    public init(field: String, column: Int, message: String) {
        self.field = field
        self.column = column
        self.message = message
    }

    public var category: ErrorCategory { .badInput }

    public var description: String { "\(field): column \(column): \(message)" }
}
