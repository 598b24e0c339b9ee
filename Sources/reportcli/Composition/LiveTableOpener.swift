import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// The tables a run's reports read, opened for real: local files and `s3://` objects (CSV,
/// TSV, JSON Lines by ``TableFileFormat``, the spec's dialect over the detected one) and
/// SQLite databases (a table, a query) through ReportAdapters' SQLite source, PostgreSQL over
/// its wire protocol (``Databases``). Relative paths start at the reports file's folder, `base`.
struct LiveTableOpener: TableOpener {
    /// The reports file's folder, as the user named it.
    var base: String
    var logger: Logger

    func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource {
        switch spec.source {
        case .file(let path):
            let resolved = path.resolved(against: base)
            let (store, key) = try Stores.file(resolved)
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw TableOpenError(table: name, source: spec.source, problem: "no such file: \(resolved)")
            }
            return try await Self.textTable(store: store, key: key, dialect: spec.dialect, displayName: path.text)
        case .object(let bucket, let key):
            let store = try Stores.objects("s3://\(bucket)", logger: logger)
            return try await Self.textTable(store: store, key: key, dialect: spec.dialect, displayName: spec.source.description)
        case .sqlite(let database, let selection?):
            return SQLiteTable(path: try existing(database), selection: selection, displayName: spec.source.description)
        case .sqlite(_, nil):
            throw TableOpenError(table: name, source: spec.source, problem: "a sqlite:// table needs ?table=NAME or ?query=SQL")
        case .postgres(let url):
            return try Databases.postgresTable(url, logger: logger)
        }
    }

    func query(_ query: String, on source: DataSource) async throws -> any TableSource {
        switch source {
        case .sqlite(let database, nil):
            return SQLiteTable(path: try existing(database), selection: .query(query), displayName: "\(source.description)?query=\(TableSelection.excerpt(query))")
        case .postgres(let url):
            return try Databases.postgresTable(url, selection: .query(query), logger: logger)
        default:
            throw TableOpenError(table: nil, source: source, problem: "a query runs on a database: sqlite://PATH or postgres://…")
        }
    }

    /// The database's path under ``base``, which must exist (SQLite would make an empty one).
    func existing(_ database: RelativePath) throws -> String {
        let path = database.resolved(against: base)
        guard FileManager.default.fileExists(atPath: path) else {
            throw TableOpenError(table: nil, source: .sqlite(database: database, selection: nil), problem: "no such database file: \(path)")
        }
        return path
    }

    /// A CSV/TSV/JSON Lines object; a declared dialect is laid over the detected one.
    static func textTable(store: any ObjectStore, key: ObjectKey, dialect: DialectSpec?, displayName: String) async throws -> any TableSource {
        guard let dialect else { return try await TableFileFormat.source(store: store, key: key, displayName: displayName) }
        let detected: CSVDialect
        switch TableFileFormat.byName(key.name) {
        case .delimited(let named?)?:
            detected = named
        default:
            guard let sample = try await store.read(key, range: 0..<(64 << 10)) else {
                throw ObjectStoreError(.notFound, key: key.text, "no such object")
            }
            detected = CSVDialect.detect(sample: sample)
        }
        return DelimitedTableSource(store: store, key: key, dialect: dialect.applied(to: detected), displayName: displayName)
    }
}

/// A table or database a report names cannot be opened.
struct TableOpenError: Error, CategorizedError, CustomStringConvertible {
    var table: String?
    var source: DataSource
    var problem: String

    var category: ErrorCategory { .badInput }
    var description: String {
        (table.map { "table '\($0)' (\(source))" } ?? "\(source)") + ": \(problem)"
    }
}
