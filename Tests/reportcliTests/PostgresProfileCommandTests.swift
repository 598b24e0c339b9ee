import Foundation
import QualityCore
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing
@testable import reportcli

/// `reportcli profile --data postgres://…` as a process, against the CI server.
@Suite("reportcli profile on PostgreSQL", .enabled(if: PostgresServer.shouldRun), .serialized)
struct PostgresProfileCommandTests {
    static func environment(_ server: PostgresServer.Connection) -> [String: String] {
        ["REPORTKIT_PG_PASSWORD": server.password]
    }

    @Test("the profile of each fixture table equals the profile of its CSV file", arguments: ["participant", "biospecimen"])
    func profileEqualsCSV(table: String) throws {
        let server = try PostgresServer.require()
        let fromServer = try ReportCLIProcess.run(["profile", "--data", server.url("table=\(table)")], environment: Self.environment(server))
        #expect(fromServer.status == 0, "\(fromServer.stderr)")
        let fromCSV = try ReportCLIProcess.run(["profile", "--data", "Fixtures/quality/data/\(table).csv"])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(try JSONReader.parse(fromServer.stdout) == JSONReader.parse(fromCSV.stdout))
        #expect(fromServer.stdout.contains("\"row_count\""))
    }

    @Test("a sql report's query gives the same CSV from PostgreSQL as from the SQLite fixture")
    func sqlReport() async throws {
        let server = try PostgresServer.require()
        let sql = "select consent_code, count(*) as n from biospecimen group by 1 order by 1"
        let logger = Logger(handler: RecordingLogHandler())
        let environment = PostgresEnvironment(variables: Self.environment(server))
        let table = try Databases.postgresTable(PostgresURL(text: server.url), selection: .query(sql), logger: logger, environment: environment)
        let output = try await SQLReport.run(table)
        let sqlite = try await SQLReport.run(SQLiteTable(path: FixturePaths.fixture("quality/clinic.db").path, selection: .query(sql)))
        #expect(output.rowCount == sqlite.rowCount && output.rowCount > 0)
        // PostgreSQL sorts NULL last, SQLite first: compare the rows as sets.
        let lines = { (bytes: [UInt8]) in Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)) }
        #expect(lines(output.csv) == lines(sqlite.csv))
        #expect(output.columns.map(\.declaredType) == ["text", "bigint"])
        #expect(table.displayName == server.url)
    }

    @Test("verify-full: the right CA and host are accepted; a wrong host is exit 2 naming it")
    func verifyFull() throws {
        let server = try PostgresServer.require()
        let right = "\(server.localhostURL)?sslmode=verify-full&sslrootcert=\(server.rootCertificate)&table=visits"
        let accepted = try ReportCLIProcess.run(["profile", "--data", right, "--format", "csv"], environment: Self.environment(server))
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("visited_at,timestamp,36,"))
        let wrong = "\(server.url)?sslmode=verify-full&sslrootcert=\(server.rootCertificate)&table=visits"
        let refused = try ReportCLIProcess.run(["profile", "--data", wrong], environment: Self.environment(server))
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not issued for host \"127.0.0.1\""), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
    }

    @Test("a wrong password: exit 2, the server's message, and no password printed (URL or variable)")
    func wrongPassword() throws {
        let server = try PostgresServer.require()
        let inURL = server.url.replacingOccurrences(of: "reportkit@", with: "reportkit:Wrong-Pass-9@") + "?table=visits"
        let viaURL = try ReportCLIProcess.run(["profile", "--data", inURL], environment: Self.environment(server))
        #expect(viaURL.status == 2)
        #expect(viaURL.stderr.contains("28P01") && viaURL.stderr.contains("password authentication failed for user \"reportkit\""), "\(viaURL.stderr)")
        #expect(viaURL.stderr.contains("reportkit:***@"))
        #expect(!viaURL.stderr.contains("Wrong-Pass-9") && !viaURL.stdout.contains("Wrong-Pass-9"))
        let viaVariable = try ReportCLIProcess.run(["profile", "--data", server.url("table=visits")], environment: ["PGPASSWORD": "Wrong-Pass-9"])
        #expect(viaVariable.status == 2)
        #expect(!viaVariable.stderr.contains("Wrong-Pass-9") && !viaVariable.stderr.contains(server.password))
    }

    @Test("a write through the source is exit 2 with PostgreSQL's read-only error")
    func deleteRefused() throws {
        let server = try PostgresServer.require()
        let run = try ReportCLIProcess.run(["profile", "--data", server.url("query=delete from visits")], environment: Self.environment(server))
        #expect(run.status == 2)
        #expect(run.stderr.contains("ERROR 25006: cannot execute DELETE in a read-only transaction"), "\(run.stderr)")
        let count = try ReportCLIProcess.run(["profile", "--data", server.url("table=visits"), "--format", "csv"], environment: Self.environment(server))
        #expect(count.stdout.contains("visit_id,integer,36,"))
    }

    @Test("no server: retried, then exit 3")
    func serverDown() throws {
        let probe = try LoopbackHTTPServer()
        let port = probe.port
        probe.stop()
        let run = try ReportCLIProcess.run(["profile", "--data", "postgres://reportkit@127.0.0.1:\(port)/clinic?table=visits"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("Connection refused") && run.stderr.contains("attempts"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("the server stopped in the middle of the COPY: exit 3 and nothing on stdout")
    func serverStoppedMidCopy() async throws {
        let cluster = try PrivatePostgresCluster()
        // A join that streams from its first row on (56 million rows): no result is built first.
        let url = cluster.connection.url
            + "?query=select a.participant_id, b.biospecimen_id, c.visit_id, d.site, e.visited_at from participant a, biospecimen b, visits c, visits d, visits e"
        let environment = ["REPORTKIT_PG_PASSWORD": cluster.connection.password]
        let run = Task.detached { try ReportCLIProcess.run(["profile", "--data", url], environment: environment, timeout: 120) }
        try await Task.sleep(for: .seconds(3))
        cluster.stop(mode: "immediate")
        let outcome = try await run.value
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        // Cut in the middle: the connection was lost (or the server said it is shutting down), not refused.
        #expect(outcome.stderr.contains("the connection was lost") || outcome.stderr.contains("57P"), "\(outcome.stderr)")
    }
}

/// `reportcli profile` with PostgreSQL URLs that need no server.
@Suite("reportcli profile: PostgreSQL URLs")
struct PostgresURLCommandTests {
    @Test("a bad URL is exit 2 naming the problem, with the password hidden", arguments: [
        ("postgres://rk:Hidden-7@127.0.0.1:5432/clinic?sslmode=sometimes&table=t", "sslmode 'sometimes'"),
        ("postgres://rk:Hidden-7@127.0.0.1:5432/clinic", "names no table or query"),
        ("postgres://rk:Hidden-7@127.0.0.1:70000/clinic?table=t", "port"),
    ])
    func badURL(url: String, expected: String) throws {
        let run = try ReportCLIProcess.run(["profile", "--data", url])
        #expect(run.status == 2)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.contains("rk:***@") && !run.stderr.contains("Hidden-7"), "\(run.stderr)")
    }
}
