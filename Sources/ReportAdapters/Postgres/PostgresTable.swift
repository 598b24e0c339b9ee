import ReportKit

/// A PostgreSQL table or query read as a ``TableSource``: each scan opens a session
/// (``PostgresConnector``, with retries), reads the rows in a read-only transaction with
/// `COPY … TO STDOUT` (``PostgresConnection/read(_:timeout:displayName:columns:row:)``) and
/// closes it.
///
/// Column names and declared types come from the server's `RowDescription` (PostgreSQL's
/// names: `integer`, `timestamp with time zone`; ``PostgresType/reportKitName`` maps them
/// onto ReportKit's); cells are described by ``PostgresCellText``.
///
/// Errors are ``PostgresError``s naming ``displayName``: the server's refusals with their
/// SQLSTATE, a lost connection, a time-out.
public struct PostgresTable: TableSource {
    public var connector: PostgresConnector
    public var selection: TableSelection
    /// The source's name in messages: the connection URL without its password.
    public let displayName: String

    /// A source reading `selection` (the options' own when `nil`, which must then name one).
    public init(connector: PostgresConnector, selection: TableSelection? = nil, displayName: String? = nil) throws(PostgresError) {
        guard let chosen = selection ?? connector.options.selection else {
            throw PostgresError(.badURL("names no table or query: add ?table=NAME or ?query=SQL"), source: displayName ?? connector.options.description)
        }
        self.connector = connector
        self.selection = chosen
        var described = connector.options
        described.selection = chosen
        self.displayName = displayName ?? described.description
    }

    public func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
        do {
            let connection = try await connector.connect()
            defer { connection.close() }
            try connection.read(selection, timeout: connector.options.statementTimeout, displayName: displayName, columns: columns, row: row)
        } catch let error as PostgresError {
            throw error.naming(displayName)
        }
    }
}

extension PostgresConnector {
    /// A `sql` report's query on this database as a table source, the way
    /// `SQLiteTable(path:selection: .query(sql))` is for SQLite.
    public func query(_ sql: String, displayName: String? = nil) throws(PostgresError) -> PostgresTable {
        try PostgresTable(connector: self, selection: .query(sql), displayName: displayName)
    }
}
