import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli reports check` as a process.
@Suite("reportcli reports check")
struct ReportsCommandTests {
    @Test("the example registry: the listing on stdout, exit 0, no warnings")
    func good() throws {
        let run = try ReportCLIProcess.run(["reports", "check", "--reports", "Fixtures/quality/reports.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let listing = try JSONReader.parse(run.stdout)
        let reports = try #require(listing["reports"]?.arrayValue)
        #expect(reports.map { $0["folder"] } == ["Table_Summary", "Consent_Codes", "Daily_Checks", "Report_Requests"])
        #expect(reports.first?["tables"]?["visits"]?["source"] == "sqlite://clinic.db?table=visits")
        #expect(reports.first?["request"]?["stakeholder"] == "Jane Doe")
        #expect(listing["base"] == "Fixtures/quality" && listing["warnings"] == [])
        #expect(run.stdout == JSONWriter.canonical(listing) + "\n")
        let mismatch = try GoldenFile.mismatch(run.stdout, golden: "cli/reports-check.json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("warnings go to stderr and the listing, and the exit stays 0")
    func warnings() throws {
        let run = try ReportCLIProcess.run(["reports", "check", "--reports", "Fixtures/quality/registry/all-kinds.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "warning: Fixtures/quality/registry/all-kinds.json:7:5: registry: reports[1]: no request metadata: say who asked (request: stakeholder, contact), the data source and the day it was requested\n")
        #expect(try JSONReader.parse(run.stdout)["warnings"]?.arrayValue?.count == 1)
    }

    @Test("a bad registry: every located problem on stderr, nothing on stdout, exit 2")
    func bad() throws {
        let run = try ReportCLIProcess.run(["reports", "check", "--reports", "Fixtures/quality/registry/wrong-type.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines == [
            "reportcli: error: Fixtures/quality/registry/wrong-type.yaml:5:21: error: registry: reports[0].ignore_columns: expected a list, found a string",
            "Fixtures/quality/registry/wrong-type.yaml:6:20: error: registry: reports[0].change_report: expected true or false, found a string",
            "Fixtures/quality/registry/wrong-type.yaml:7:5: error: registry: reports[0].query: 'query' belongs to kind sql, not table-summary",
        ])
        #expect(run.stderr.hasSuffix("3 problems in the reports file\n"))
    }

    @Test("a missing file and a missing option are bad input (exit 2)")
    func usage() throws {
        let missing = try ReportCLIProcess.run(["reports", "check", "--reports", "Fixtures/quality/no-such.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("no-such.yaml"))
        #expect(try ReportCLIProcess.run(["reports", "check"]).status == 2)
        #expect(try ReportCLIProcess.run(["reports"]).status == 2)
    }
}
