import Foundation
@testable import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("PostgreSQL source against a real server", .enabled(if: PostgresServer.shouldRun), .serialized)
struct PostgresServerTests {
    @Test("the fixture tables equal their CSV files, cell for cell (booleans True/False, floats as doubles' text)", arguments: ["participant", "biospecimen"])
    func tablesEqualTheirCSV(table: String) async throws {
        let server = try PostgresServer.require()
        let scanned = try await ScannedTable.of(try ClinicServer.table(server.url("table=\(table)")))
        let csv = try CSVScanner.records(Array(try FixturePaths.data("quality/data/\(table).csv")))
        #expect(scanned.columnCalls == 1)
        #expect(csv.first == scanned.columns.map(\.name))
        #expect(Array(csv.dropFirst()) == scanned.rows.map { $0.map { $0 ?? "" } })
        #expect(scanned.numbers == Array(1...scanned.rows.count))
        #expect(scanned.lines.allSatisfy { $0 == nil })
    }

    @Test("column types come from the RowDescription, in PostgreSQL's words and mapped onto ReportKit's")
    func declaredTypes() async throws {
        let server = try PostgresServer.require()
        let scanned = try await ScannedTable.of(try ClinicServer.table(server.url("table=visits")))
        #expect(scanned.columns.map(\.declaredType) == ["integer", "text", "timestamp with time zone", "text"])
        #expect(scanned.rows.count == 36)
        #expect(scanned.rows.first { $0[0] == "3" }?[2] == "2024-01-13 07:15:00+00")  // TimeZone=UTC for every session
        #expect(scanned.rows.contains { $0[3] == "Tromsø" })
        let types = [16, 20, 700, 701, 1700, 1082, 1114, 1184, 2950, 3802, 25, 600].map { PostgresType(oid: UInt32($0)).reportKitName }
        #expect(types == ["boolean", "integer", "number", "number", "number", "date", "timestamp", "timestamp", "text", "text", "text", "text"])
    }

    @Test("query cells: NULL missing, '' empty, booleans, floats, numeric scale, quotes and line breaks kept")
    func queryCells() async throws {
        let sql = """
            select 42 as i, 0.1::float8 + 0.2 as r, 250::float8 as w, 'infinity'::float8 as inf, true as yes, false as no,
                   12.50::numeric as n, '' as e, null::int as missing, 'say "hi"' as q, E'two\\nlines' as l,
                   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as u, '{"a": 1}'::jsonb as j;
            """
        let scanned = try await ScannedTable.of(try ClinicServer.query(sql))
        #expect(scanned.columns.map(\.name) == ["i", "r", "w", "inf", "yes", "no", "n", "e", "missing", "q", "l", "u", "j"])
        #expect(scanned.rows == [["42", "0.30000000000000004", "250.0", "inf", "True", "False", "12.50", "", nil, "say \"hi\"", "two\nlines",
                                  "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": 1}"]])
    }

    @Test("every float cell is Swift's shortest text of its double, across magnitudes (the fast paths agree with the slow one)")
    func floatsAsDoubles() async throws {
        let sql = """
            select (random() - 0.5) * 10 ^ (g % 40 - 20) as x, floor(random() * 10 ^ (g % 17))::float8 as whole,
                   (g % 40 - 20)::float8 / 8 as eighth, (g::float4 / 7) as small
            from generate_series(1, 20000) as g
            """
        let scanned = try await ScannedTable.of(try ClinicServer.query(sql))
        #expect(scanned.rows.count == 20000)
        var checked = 0
        for row in scanned.rows {
            for (index, cell) in row.prefix(3).enumerated() {
                let text = try #require(cell)
                let value = try #require(Double(text), "column \(index): \(text)")
                #expect(value.description == text)
                checked += 1
            }
            let small = try #require(row[3].flatMap(Double.init))
            #expect(small.description == row[3])
        }
        #expect(checked == 60000)
    }

    @Test("a one-column result keeps its NULL rows (an empty line in the COPY stream), and no rows still give columns")
    func oneColumn() async throws {
        let scanned = try await ScannedTable.of(try ClinicServer.query("select x from (values (1), (null), (3), (null)) as v(x)"))
        #expect(scanned.rows == [["1"], [nil], ["3"], [nil]])
        let empty = try await ScannedTable.of(try ClinicServer.query("select * from visits where false"))
        #expect(empty.columnCalls == 1 && empty.columns.count == 4 && empty.rows.isEmpty)
    }

    @Test("every session: application_name reportcli, a read-only transaction, a statement_timeout")
    func session() async throws {
        let scanned = try await ScannedTable.of(try ClinicServer.query(
            "select current_setting('application_name'), current_setting('transaction_read_only'), current_setting('statement_timeout')"))
        #expect(scanned.rows.first?[0] == "reportcli")
        #expect(scanned.rows.first?[1] == "on")
        #expect(scanned.rows.first?[2] != "0")
    }

    @Test("a Unix socket, and the md5, cleartext and trust methods over TCP")
    func socketAndMethods() async throws {
        let server = try PostgresServer.require()
        let overSocket = try await ScannedTable.of(try ClinicServer.table(
            "postgres://reportkit@/clinic?host=\(server.socketDirectory)&port=\(server.port)&query=select count(*) from participant"))
        #expect(overSocket.rows == [["30"]])
        for user in ["reportkit_md5", "reportkit_clear", "reportkit_trust"] {
            let url = server.url.replacingOccurrences(of: "reportkit@", with: "\(user)@") + "?sslmode=disable&query=select count(*) from visits"
            let scanned = try await ScannedTable.of(try ClinicServer.table(url))
            #expect(scanned.rows == [["36"]], "\(user)")
        }
    }

    @Test("TLS: verify-full accepts the right CA and host; a wrong host or CA is refused (bad input); disable is plain")
    func tls() async throws {
        let server = try PostgresServer.require()
        let sslInUse = "select ssl::text from pg_stat_ssl where pid = pg_backend_pid()"
        let right = "\(server.localhostURL)?sslmode=verify-full&sslrootcert=\(server.rootCertificate)&query=\(sslInUse)"
        #expect(try await ScannedTable.of(try ClinicServer.table(right)).rows == [["true"]])
        let required = "\(server.url)?sslmode=require&query=\(sslInUse)"
        #expect(try await ScannedTable.of(try ClinicServer.table(required)).rows == [["true"]])
        let plain = "\(server.url)?sslmode=disable&query=\(sslInUse)"
        #expect(try await ScannedTable.of(try ClinicServer.table(plain)).rows == [["false"]])

        let wrongHost = "\(server.url)?sslmode=verify-full&sslrootcert=\(server.rootCertificate)&table=visits"
        let hostError = try #require(await postgresError { _ = try await ScannedTable.of(try ClinicServer.table(wrongHost)) })
        #expect(hostError.category == .badInput)
        #expect("\(hostError)".contains("not issued for host \"127.0.0.1\""), "\(hostError)")
        if let other = server.otherRootCertificate {
            let wrongCA = "\(server.localhostURL)?sslmode=verify-ca&sslrootcert=\(other)&table=visits"
            let caError = try #require(await postgresError { _ = try await ScannedTable.of(try ClinicServer.table(wrongCA)) })
            #expect("\(caError)".contains("not trusted"), "\(caError)")
        }
    }

    @Test("a write through a source fails with PostgreSQL's read-only error, and the table is unchanged", arguments: [
        "delete from participant", "delete from participant returning *", "update participant set sex = 'x'",
    ])
    func writesAreRefused(sql: String) async throws {
        let count = "select count(*), count(sex) filter (where sex = 'x') from participant"
        #expect(try await ScannedTable.of(try ClinicServer.query(count)).rows == [["30", "0"]])
        let error = try #require(await postgresError { _ = try await ScannedTable.of(try ClinicServer.query(sql)) })
        guard case .server(let server) = error.reason else { Issue.record("\(error)"); return }
        #expect(server.code == "25006")
        #expect(server.message.contains("read-only transaction"), "\(server)")
        #expect(error.category == .badInput)
        #expect(try await ScannedTable.of(try ClinicServer.query(count)).rows == [["30", "0"]])
    }

    @Test("a query past its time-out is cancelled on the server (CancelRequest), and nothing of it keeps running")
    func timeOutCancels() async throws {
        let server = try PostgresServer.require()
        let started = ContinuousClock.now
        let error = try #require(await postgresError {
            _ = try await ScannedTable.of(try ClinicServer.table(server.url("statement_timeout=1&query=select pg_sleep(30) as slept, 'slow-marker' as m")))
        })
        #expect(error.reason == .timedOut(seconds: 1, cancelledOnServer: true), "\(error)")
        #expect(error.category == .outsideSystem)
        #expect(started.duration(to: .now) < .seconds(10))
        let running = try await ScannedTable.of(try ClinicServer.query(
            "select count(*) from pg_stat_activity where pid <> pg_backend_pid() and state = 'active' and query like '%slow' || '-marker%'"))
        #expect(running.rows == [["0"]])
    }

    @Test("a wrong password is the server's 28P01, bad input, and the password is nowhere in the message")
    func wrongPassword() async throws {
        let server = try PostgresServer.require()
        let error = try #require(await postgresError {
            _ = try await ScannedTable.of(try ClinicServer.table(server.url("table=visits"), password: "not-the-password-42"))
        })
        guard case .server(let reply) = error.reason else { Issue.record("\(error)"); return }
        #expect(reply.code == "28P01")
        #expect(error.category == .badInput)
        #expect("\(error)".contains("password authentication failed"), "\(error)")
        #expect(!"\(error)".contains("not-the-password-42") && !String(reflecting: error).contains("not-the-password-42"))
    }

    @Test("a syntax error and a missing table are bad input with the server's SQLSTATE")
    func badQueries() async throws {
        let syntax = try #require(await postgresError { _ = try await ScannedTable.of(try ClinicServer.query("selec 1")) })
        #expect(syntax.category == .badInput && "\(syntax)".contains("42601"), "\(syntax)")
        let server = try PostgresServer.require()
        let missing = try #require(await postgresError { _ = try await ScannedTable.of(try ClinicServer.table(server.url("table=visit"))) })
        #expect(missing.category == .badInput && "\(missing)".contains("42P01"), "\(missing)")
    }

    @Test("no server listening: retried, then an outside failure naming the attempts")
    func serverDown() async throws {
        let probe = try LoopbackHTTPServer()
        let port = probe.port
        probe.stop()
        let table = try ClinicServer.table("postgres://reportkit@127.0.0.1:\(port)/clinic?table=visits", retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.05))
        let error = try #require(await postgresError { _ = try await ScannedTable.of(table) })
        #expect(error.category == .outsideSystem)
        #expect("\(error)".contains("Connection refused (3 attempts)"), "\(error)")
    }

    @Test("the server stopped in the middle of a COPY: an outside failure, after the rows that came")
    func serverStoppedMidCopy() async throws {
        let cluster = try PrivatePostgresCluster()
        let options = try PostgresConnectionOptions(url: cluster.connection.url + "?query=select a.participant_id, b.biospecimen_id, c.visit_id, d.site from participant a, biospecimen b, visits c, visits d")
        let credentials = try PostgresCredentials(options: options, environment: .init(variables: ["PGPASSWORD": cluster.connection.password]))
        let table = try PostgresTable(connector: PostgresConnector(options: options, credentials: credentials))
        var rows = 0
        let error = try #require(await postgresError {
            try await table.scan(columns: { _ in }, row: { _ in
                rows += 1
                if rows == 1000 { cluster.stop(mode: "immediate") }
            })
        })
        #expect(error.category == .outsideSystem, "\(error)")
        if case .connectionLost = error.reason {} else if case .server(let reply) = error.reason { #expect(reply.codeClass == "57", "\(error)") } else {
            Issue.record("neither a lost connection nor a shutdown: \(error)")
        }
        #expect(rows >= 1000 && rows < 30 * 40 * 36 * 36)
    }
}
