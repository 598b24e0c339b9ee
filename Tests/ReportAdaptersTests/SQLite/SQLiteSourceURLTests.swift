import ReportAdapters
import ReportKit
import Testing

@Suite("SQLite source URLs")
struct SQLiteSourceURLTests {
    struct Good: Sendable, CustomTestStringConvertible {
        let text: String
        let path: String
        let selection: SQLiteSelection?
        var testDescription: String { text }
    }

    static let good: [Good] = [
        Good(text: "sqlite://data/clinic.db", path: "/reports/data/clinic.db", selection: nil),
        Good(text: "sqlite://data/clinic.db?table=visits", path: "/reports/data/clinic.db", selection: .table("visits")),
        Good(text: "SQLite://clinic.db?table=visits", path: "/reports/clinic.db", selection: .table("visits")),
        Good(text: "sqlite:///var/db/clinic.db?table=visits", path: "/var/db/clinic.db", selection: .table("visits")),
        Good(text: "sqlite://my%20data/clinic%3Fv2.db", path: "/reports/my data/clinic?v2.db", selection: nil),
        Good(
            text: "sqlite://clinic.db?query=select%20consent_code,%20count(*)%20from%20biospecimen%20where%20a+b%3D1%26c",
            path: "/reports/clinic.db", selection: .query("select consent_code, count(*) from biospecimen where a+b=1&c")),
        Good(text: "sqlite://clinic.db?table=s%C3%B8k", path: "/reports/clinic.db", selection: .table("søk")),
        Good(text: "sqlite://Tromsø.db?table=visits", path: "/reports/Tromsø.db", selection: .table("visits")),
    ]

    @Test(arguments: good)
    func parses(_ good: Good) throws {
        let url = try SQLiteSourceURL(parsing: good.text, field: "reports[0].source", relativeTo: "/reports/")
        #expect(url.path == good.path)
        #expect(url.selection == good.selection)
    }

    @Test func aRelativeBaseStaysRelative() throws {
        let url = try SQLiteSourceURL(parsing: "sqlite://clinic.db", field: "f", relativeTo: "Fixtures/quality")
        #expect(url.path == "Fixtures/quality/clinic.db")
        let here = try SQLiteSourceURL(parsing: "sqlite://clinic.db", field: "f", relativeTo: "")
        #expect(here.path == "clinic.db")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let text: String
        let column: Int
        let message: String
        var testDescription: String { text }
    }

    static let bad: [Bad] = [
        Bad(text: "sqlite:data/clinic.db", column: 1, message: "a SQLite source starts with sqlite:// (sqlite://data/clinic.db?table=visits)"),
        Bad(text: "postgres://x", column: 1, message: "a SQLite source starts with sqlite:// (sqlite://data/clinic.db?table=visits)"),
        Bad(text: "sqlite://", column: 10, message: "the database path is empty"),
        Bad(text: "sqlite://?table=t", column: 10, message: "the database path is empty"),
        Bad(text: "sqlite://c.db?tabel=visits", column: 15, message: "unknown parameter \"tabel\" (expected table or query)"),
        Bad(text: "sqlite://c.db?table=a&query=select%201", column: 23, message: "only one of table and query can be given"),
        Bad(text: "sqlite://c.db?table=", column: 21, message: "the table is empty"),
        Bad(text: "sqlite://c.db?", column: 15, message: "expected table=NAME or query=SQL"),
        Bad(text: "sqlite://c.db?visits", column: 15, message: "expected table=NAME or query=SQL"),
        Bad(text: "sqlite://c%2.db", column: 11, message: "a % must be followed by two hexadecimal digits (%20 for a space)"),
        Bad(text: "sqlite://c.db?table=a%", column: 22, message: "a % must be followed by two hexadecimal digits (%20 for a space)"),
        Bad(text: "sqlite://c.db?table=a%00", column: 22, message: "the table cannot hold a NUL character (%00)"),
        Bad(text: "sqlite://c%FF.db", column: 10, message: "the path does not decode to UTF-8 text"),
    ]

    @Test(arguments: bad)
    func refuses(_ bad: Bad) {
        do {
            _ = try SQLiteSourceURL(parsing: bad.text, field: "reports[1].source", relativeTo: "/r")
            Issue.record("parsed \(bad.text)")
        } catch let error as SQLiteSourceURLError {
            #expect(error == SQLiteSourceURLError(field: "reports[1].source", column: bad.column, message: bad.message))
            #expect(error.description == "reports[1].source: column \(bad.column): \(bad.message)")
            #expect(error.category == .badInput)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func tellsASQLiteURLFromAPath() {
        #expect(SQLiteSourceURL.isSQLite("sqlite://clinic.db"))
        #expect(SQLiteSourceURL.isSQLite("SQLITE:clinic.db"))
        #expect(!SQLiteSourceURL.isSQLite("data/sqlite.csv"))
        #expect(!SQLiteSourceURL.isSQLite("sql"))
    }
}
