import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli run --store s3://…` against moto, read back with boto3.
@Suite("reportcli run to S3 (moto)", .enabled(if: MotoServer.shouldRun))
struct RunMotoTests {
    static let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/moto_check.py")

    @Test("the run's files, manifest and runs index land in S3 with their content types")
    func runToS3() throws {
        let url = try MotoServer.require()
        let bucket = "reportkit-run-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try MotoServer.python(Self.script, ["create-bucket", bucket], url: url)
        let outcome = try ReportCLIProcess.run(
            ["run", "--reports", "Fixtures/quality/reports.yaml", "--store", "s3://\(bucket)/quality", "--date", "2024-03-15"],
            environment: MotoServer.environment(url))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        func object(_ key: String) throws -> JSONValue {
            try JSONReader.parse(try MotoServer.python(Self.script, ["s3-get", bucket, "quality/\(key)"], url: url))
        }
        let csv = try object("20240315-reports/Consent_Codes/report.csv")
        #expect(csv["content_type"] == "text/csv; charset=utf-8")
        #expect(csv["body"]?.stringValue?.hasPrefix("consent_code,n\n") == true)
        let profile = try object("20240315-reports/Table_Summary/summaries/participant/profile.json")
        #expect(profile["content_type"] == "application/json")
        let manifest = try object("20240315-reports/index.json")
        #expect(manifest["content_type"] == "application/json")
        let body = try JSONReader.parse(try #require(manifest["body"]?.stringValue))
        #expect(body["reports"]?.arrayValue?.map { $0["status"] } == ["ok", "ok", "warn", "ok"])
        let files = body["reports"]?.arrayValue?.flatMap { $0["files"]?.arrayValue ?? [] } ?? []
        let report = try #require(files.first { $0["path"] == "report.csv" })
        #expect(report["sha256"]?.stringValue == SHA256.hex(Array((csv["body"]?.stringValue ?? "").utf8)))
        let index = try object("runs.json")
        #expect(index["content_type"] == "application/json")
        #expect(try JSONReader.parse(try #require(index["body"]?.stringValue))["runs"]?.arrayValue?.first?["date"] == "2024-03-15")
        let page = try object("20240315-reports/Table_Summary/report.html")
        #expect(page["content_type"] == "text/html; charset=utf-8")
        #expect(try object("20240315-reports/Table_Summary/report.ipynb")["content_type"] == "application/x-ipynb+json")
        // The viewer, from runs.json and the manifest alone (no listing), at the prefix's root.
        let viewer = try ReportCLIProcess.run(["viewer", "--store", "s3://\(bucket)/quality", "--title", "Quality"], environment: MotoServer.environment(url))
        #expect(viewer.status == 0, "\(viewer.stderr)")
        let html = try object("index.html")
        #expect(html["content_type"] == "text/html; charset=utf-8")
        #expect(html["body"]?.stringValue?.contains(#"{"date":"2024-03-15","dir":"20240315-reports""#) == true)
    }
}
