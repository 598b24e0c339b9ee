import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli check` on tables of the PostgreSQL server `.ci/run` starts: the fixtures' daily
/// checks give the same outcomes and values read over the wire as read from the CSV files.
@Suite("reportcli check on PostgreSQL", .enabled(if: PostgresServer.shouldRun))
struct CheckPostgresTests {
    static func outcomes(_ stdout: String) throws -> [JSONValue] {
        try JSONReader.parse(stdout)["checks"]?.arrayValue?.map { ["text": $0["text"] ?? .null, "outcome": $0["outcome"] ?? .null, "value": $0["value"] ?? .null] } ?? []
    }

    @Test("the daily checks on postgres:// tables equal the ones on the CSV files; the password is never printed")
    func sameAsFiles() throws {
        let server = try PostgresServer.require()
        let checks = ["check", "--checks", "Fixtures/quality/daily-checks.yaml", "--now", "2024-03-15T02:00:00Z"]
        let files = try ReportCLIProcess.run(checks + [
            "--data", "participant=Fixtures/quality/data/participant.csv", "--data", "biospecimen=Fixtures/quality/data/biospecimen.csv",
        ])
        #expect(files.status == 0, "\(files.stderr)")
        let database = try ReportCLIProcess.run(
            checks + ["--data", "participant=" + server.url("table=participant"), "--data", "biospecimen=" + server.url("table=biospecimen")],
            environment: ["REPORTKIT_PG_PASSWORD": server.password])
        #expect(database.status == 0, "\(database.stderr)")
        let expected = try Self.outcomes(files.stdout)
        #expect(expected.count == 9)
        #expect(try Self.outcomes(database.stdout) == expected)
        for text in [database.stdout, database.stderr] { #expect(!text.contains(server.password)) }
    }
}
