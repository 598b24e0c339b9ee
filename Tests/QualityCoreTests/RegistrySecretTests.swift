import QualityCore
import ReportKit
import Testing

/// A password in a `postgres://` source never shows: not in the listing, not in the source line
/// an error quotes, whatever characters it holds.
@Suite("Registry: passwords stay hidden")
struct RegistrySecretTests {
    @Test("redacted whole, with / ? # @ inside the password", arguments: [
        ("postgres://u:TopSecret@h/db", "postgres://u:***@h/db"),
        ("postgres://u:Top/Secret@h:5432/db?sslmode=require", "postgres://u:***@h:5432/db?sslmode=require"),
        ("postgresql://u:a?b#c@d@h/db", "postgresql://u:***@h/db"),
        ("postgres://h/db", "postgres://h/db"),
    ])
    func redacted(_ pair: (url: String, shown: String)) {
        #expect(PostgresURL(text: pair.url).redacted == pair.shown)
    }

    @Test("an error on the line of a postgres URL quotes the line without its password")
    func errorLine() throws {
        let text = """
            reports:
              - name: Warehouse
                kind: table-summary
                tables:
                  orders: {path: "postgres://u:Top/Secret@h/db?table=orders", dialect: {delimiter: ","}}
            """
        do {
            _ = try ReportRegistry.parse(Array(text.utf8), file: "r.yaml", base: ".")
            Issue.record("a dialect on a database source was accepted")
        } catch {
            let shown = error.problems.map(\.description).joined(separator: "\n")
            #expect(!shown.isEmpty)
            #expect(!shown.contains("Secret"), "\(shown)")
            #expect(!shown.contains("Top"), "\(shown)")
        }
    }
}
