import Foundation
@testable import ReportAdapters
import ReportKit
import ReportKitTestSupport

/// Sources on the CI server (``PostgresServer``).
enum ClinicServer {
    /// A table source for `url` (no password in it), with the server's password given as
    /// `REPORTKIT_PG_PASSWORD` would give it, unless `password` says otherwise.
    static func table(
        _ url: String, selection: TableSelection? = nil, password: String? = nil, retry: RetryPolicy = .standard
    ) throws -> PostgresTable {
        let server = try PostgresServer.require()
        let options = try PostgresConnectionOptions(url: url)
        let credentials = try PostgresCredentials(
            options: options, environment: PostgresEnvironment(variables: ["REPORTKIT_PG_PASSWORD": password ?? server.password]))
        return try PostgresTable(connector: PostgresConnector(options: options, credentials: credentials, retry: retry), selection: selection)
    }

    /// A query on the clinic database over TCP (sslmode prefer).
    static func query(_ sql: String, parameters: String? = nil) throws -> PostgresTable {
        let server = try PostgresServer.require()
        return try table(parameters.map { server.url($0) } ?? server.url, selection: .query(sql))
    }
}

/// The Postgres error `body` throws; `nil` (and the test fails on it) when it throws none.
func postgresError(_ body: () async throws -> Void) async -> PostgresError? {
    do {
        try await body()
        return nil
    } catch let error as PostgresError {
        return error
    } catch {
        return PostgresError(.protocolViolation("not a PostgresError: \(error)"))
    }
}
