import Foundation
@testable import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("PostgreSQL connection URLs and credentials")
struct PostgresOptionsTests {
    @Test("a full URL: user, percent-decoded password, host, port, database, TLS, table")
    func full() throws {
        let options = try PostgresConnectionOptions(
            url: "postgresql://rk:p%40ss%3Aw@db.example.org:6543/clinic?sslmode=verify-full&sslrootcert=/etc/ca.pem&table=public.visits")
        #expect(options.endpoint == .tcp(host: "db.example.org", port: 6543))
        #expect(options.user == "rk")
        #expect(options.password == PostgresPassword("p@ss:w"))
        #expect(options.database == "clinic")
        #expect(options.sslMode == .verifyFull)
        #expect(options.sslRootCert == "/etc/ca.pem")
        #expect(options.selection == .table("public.visits"))
        #expect(options.description == "postgres://rk@db.example.org:6543/clinic?sslmode=verify-full&sslrootcert=/etc/ca.pem&table=public.visits")
        #expect(!"\(options)".contains("p@ss") && !String(reflecting: options).contains("p@ss"))
    }

    @Test("a socket directory, the default port, a query taken as written with & and =")
    func socketAndQuery() throws {
        let options = try PostgresConnectionOptions(url: "postgres://rk@/clinic?host=/var/run/postgresql&query=select a from t where b = 'x&y'")
        #expect(options.endpoint == .socket(directory: "/var/run/postgresql", port: 5432))
        #expect(options.endpoint.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(options.selection == .query("select a from t where b = 'x&y'"))
        #expect(options.sslMode == .prefer)
        #expect(try PostgresConnectionOptions(url: "postgres://rk@[::1]:7000/db").endpoint == .tcp(host: "::1", port: 7000))
    }

    @Test("bad URLs are bad input naming the part, never the password", arguments: [
        ("postgres://rk:secret@h:99999/db", "port"),
        ("postgres://rk:secret@h/db?sslmode=always", "sslmode"),
        ("postgres://rk:secret@h/db?password=secret", "password is not taken"),
        ("postgres://rk:secret@h/db?colour=blue", "unknown parameter 'colour'"),
        ("postgres://rk:secret@h/db?table=a&query=select 1", "once"),
        ("postgres://rk:sec%zzret@h/db", "password"),
        ("postgres://rk:secret@/db", "names no host"),
        ("mysql://rk:secret@h/db", "postgres://"),
    ])
    func badURLs(url: String, expected: String) throws {
        let error = try #require(throws: PostgresError.self) { _ = try PostgresConnectionOptions(url: url) }
        #expect(error.category == .badInput)
        #expect("\(error)".contains(expected), "\(error)")
        #expect(!"\(error)".contains("secret"), "\(error)")
    }

    @Test("a password prints as ***")
    func passwordHidden() {
        let password = PostgresPassword("hunter2")
        #expect("\(password)" == "***")
        #expect(String(reflecting: password) == "***")
        #expect(!"\(PostgresError(.noPassword(user: "rk")))".contains("hunter2"))
    }

    @Test("pgpass lines: wildcards, escapes, comments, the first match wins, the password keeps its colons")
    func passFile() {
        let file = PostgresPassFile(text: """
            # a comment line
            db.example.org:5432:clinic:rk:first
            *:*:clinic:rk:second
            *:*:*:*:any\\:thing:with:colons
            host\\:odd:5432:x:y:escaped
            short:line
            """)
        #expect(file.password(host: "db.example.org", port: 5432, database: "clinic", user: "rk") == PostgresPassword("first"))
        #expect(file.password(host: "other", port: 1, database: "clinic", user: "rk") == PostgresPassword("second"))
        #expect(file.password(host: "other", port: 1, database: "other", user: "someone") == PostgresPassword("any:thing:with:colons"))
        #expect(file.password(host: "host:odd", port: 5432, database: "x", user: "y") == PostgresPassword("any:thing:with:colons"))
        #expect(PostgresPassFile(text: "host\\:odd:5432:x:y:escaped").password(host: "host:odd", port: 5432, database: "x", user: "y") == PostgresPassword("escaped"))
        #expect(PostgresPassFile(text: "a:1:b:c:d").password(host: "a", port: 2, database: "b", user: "c") == nil)
    }

    @Test("the password file's permission rule: 0600 is used, group or world access is passed over with a warning")
    func passFilePermissions() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("pgpass", "*:*:*:rk:from-file\n")
        let options = try PostgresConnectionOptions(url: "postgres://rk@h/db")
        let environment = PostgresEnvironment(variables: ["PGPASSFILE": path, "REPORTKIT_PG_PASSWORD": "fallback"])
        chmod(path, 0o600)
        let strict = try PostgresCredentials(options: options, environment: environment)
        #expect(strict.password == PostgresPassword("from-file") && strict.warnings.isEmpty)
        #expect(strict.passwordSource == path)
        chmod(path, 0o644)
        let loose = try PostgresCredentials(options: options, environment: environment)
        #expect(loose.password == PostgresPassword("fallback"))
        #expect(loose.warnings.count == 1 && loose.warnings[0].contains("0600") && loose.warnings[0].contains("644"))
    }

    @Test("credentials in order: the URL, PGPASSWORD, ~/.pgpass, REPORTKIT_PG_PASSWORD; the user from PGUSER, then USER")
    func credentialOrder() throws {
        let scratch = try ScratchDirectory()
        let home = scratch.url.path
        let pgpass = try scratch.file(".pgpass", "localhost:5432:clinic:rk:from-home\n")
        chmod(pgpass, 0o600)
        let all = ["PGPASSWORD": "from-variable", "REPORTKIT_PG_PASSWORD": "from-reportkit"]
        let socket = try PostgresConnectionOptions(url: "postgres://rk@/clinic?host=/tmp")
        #expect(try PostgresCredentials(options: PostgresConnectionOptions(url: "postgres://rk:from-url@/clinic?host=/tmp"),
                                        environment: .init(variables: all, home: home)).password == PostgresPassword("from-url"))
        #expect(try PostgresCredentials(options: socket, environment: .init(variables: all, home: home)).password == PostgresPassword("from-variable"))
        let fromHome = try PostgresCredentials(options: socket, environment: .init(variables: ["REPORTKIT_PG_PASSWORD": "x"], home: home))
        #expect(fromHome.password == PostgresPassword("from-home"))
        let tcp = try PostgresConnectionOptions(url: "postgres://rk@elsewhere/clinic")
        #expect(try PostgresCredentials(options: tcp, environment: .init(variables: ["REPORTKIT_PG_PASSWORD": "x"], home: home)).password == PostgresPassword("x"))
        #expect(try PostgresCredentials(options: tcp, environment: .init(variables: [:], home: home)).password == nil)
        let noUser = try PostgresConnectionOptions(url: "postgres://h/")
        let fromEnvironment = try PostgresCredentials(options: noUser, environment: .init(variables: ["PGUSER": "pg", "USER": "os"]))
        #expect(fromEnvironment.user == "pg" && fromEnvironment.database == "pg")
        #expect(try PostgresCredentials(options: noUser, environment: .init(variables: ["USER": "os"])).user == "os")
        #expect(throws: PostgresError.self) { _ = try PostgresCredentials(options: noUser, environment: .init()) }
    }

    @Test("a table name is quoted as an identifier, split at its first dot; a query loses its trailing ';'")
    func selectText() {
        #expect(TableSelection.table("visits").postgresSelect == "SELECT * FROM \"visits\"")
        #expect(TableSelection.table("public.we\"ird").postgresSelect == "SELECT * FROM \"public\".\"we\"\"ird\"")
        #expect(TableSelection.query("select 1 ;\n ").postgresSelect == "select 1")
    }
}
