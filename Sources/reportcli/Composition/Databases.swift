import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// Turns a database source (a registry's `postgres://…` or `sqlite://…`, `--data`) into a
/// ``TableSource``: the connection options from the URL, credentials from the process's
/// environment and home folder (read here, the only place that reads them for a database),
/// password-file warnings to the log.
enum Databases {
    /// The process's environment and home, as the Postgres adapter takes them.
    static var environment: PostgresEnvironment {
        let variables = ProcessInfo.processInfo.environment
        return PostgresEnvironment(variables: variables, home: variables["HOME"] ?? NSHomeDirectory())
    }

    /// The connector for `url`, logging why a password file was passed over.
    static func postgresConnector(
        _ url: PostgresURL, logger: Logger, environment: PostgresEnvironment = environment
    ) throws -> PostgresConnector {
        do {
            let options = try PostgresConnectionOptions(url: url.text)
            let credentials = try PostgresCredentials(options: options, environment: environment)
            for warning in credentials.warnings { logger.warning(warning) }
            return PostgresConnector(options: options, credentials: credentials)
        } catch {
            throw error.naming(url.redacted)
        }
    }

    /// The table or query `url` names (or `selection`, for a SQL report's query on it).
    static func postgresTable(
        _ url: PostgresURL, selection: TableSelection? = nil, logger: Logger, environment: PostgresEnvironment = environment
    ) throws -> PostgresTable {
        let connector = try postgresConnector(url, logger: logger, environment: environment)
        return try PostgresTable(connector: connector, selection: selection, displayName: url.redacted)
    }
}
