import ReportKit

/// The port a report opens its tables through: a file or S3 object (CSV, TSV, JSON Lines), a
/// SQLite or PostgreSQL table or query. The live opener is composed by `reportcli`; tests use
/// in-memory tables.
public protocol TableOpener: Sendable {
    /// The table `spec` names (its dialect applied); `name` is the table's name in the report.
    func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource

    /// The rows of `query` run on the database `source` (`sqlite://PATH`, `postgres://…`),
    /// read-only.
    func query(_ query: String, on source: DataSource) async throws -> any TableSource
}
