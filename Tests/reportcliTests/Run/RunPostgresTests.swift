import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli run` on the PostgreSQL server `.ci/run` starts (the quality fixtures in database
/// `clinic`): the table summary read over the wire equals the one the fixtures' run makes from
/// the CSV files, and a `sql` report's query runs there, read-only.
@Suite("reportcli run on PostgreSQL", .enabled(if: PostgresServer.shouldRun))
struct RunPostgresTests {
    @Test("a table summary from postgres:// equals the one from the CSV files; a sql report runs; a write is refused")
    func summaryAndQuery() throws {
        let server = try PostgresServer.require()
        let scratch = try ScratchDirectory()
        let reports = try scratch.file("reports.yaml", """
            reports:
              - name: Table Summary
                kind: table-summary
                tables:
                  participant: "\(server.url("table=participant"))"
                  biospecimen:
                    path: "\(server.url("table=biospecimen"))"
                    types: {age_at_event_days: integer, visible: boolean, shipped_on: date}
                ignore_columns: [uuid, created_at, modified_at, kf_id]
              - name: Consent Codes
                kind: sql
                source: "\(server.url)"
                query: select consent_code, count(*) as n from biospecimen group by 1 order by 1 nulls first
              - name: Sneaky
                kind: sql
                source: "\(server.url)"
                query: delete from participant returning participant_id
            """)
        let store = scratch.url.appendingPathComponent("store").path
        let outcome = try ReportCLIProcess.run(
            ["run", "--reports", reports, "--store", store, "--date", "2024-03-15", "--now", "2024-03-15T02:00:00Z"],
            environment: ["REPORTKIT_PG_PASSWORD": server.password])
        #expect(outcome.status == 1, "the write fails its report: \(outcome.stderr)")
        let manifest = try JSONReader.parse(outcome.stdout)
        let statuses = manifest["reports"]?.arrayValue?.map { $0["status"]?.stringValue ?? "" }
        #expect(statuses == ["ok", "ok", "failed"], "\(outcome.stdout)")
        let error = manifest["reports"]?.arrayValue?.last?["error"]?.stringValue ?? ""
        #expect(error.contains("25006") || error.contains("read-only"), "\(error)")
        for text in [outcome.stdout, outcome.stderr] { #expect(!text.contains(server.password)) }

        let golden = "quality/run-golden/20240315-reports"
        for table in ["participant", "biospecimen"] {
            let made = try scratch.text(store + "/20240315-reports/Table_Summary/summaries/\(table)/summary.csv")
            #expect(made == (try FixturePaths.text("\(golden)/Table_Summary/summaries/\(table)/summary.csv")), "\(table)")
        }
        let consent = try scratch.text(store + "/20240315-reports/Consent_Codes/report.csv")
        #expect(consent == (try FixturePaths.text("\(golden)/Consent_Codes/report.csv")))
    }
}
