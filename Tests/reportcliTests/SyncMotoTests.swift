import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli sync` into S3 (moto), read back with boto3: the synced objects and their
/// content types, and the manifest beside them.
@Suite("reportcli sync into S3 (moto)", .enabled(if: MotoServer.shouldRun), .serialized)
struct SyncMotoTests {
    /// Runs reportcli on a thread of its own, so the wait does not hold one of the few
    /// threads the other tests' tasks run on.
    static func reportcli(_ arguments: [String], environment: [String: String] = [:]) async throws -> ReportCLIProcess.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try ReportCLIProcess.run(arguments, environment: environment) }) }.start()
        }
    }

    static let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/moto_check.py")

    static func get(_ bucket: String, _ key: String, url: URL) throws -> JSONValue {
        try JSONReader.parse(try MotoServer.python(script, ["s3-get", bucket, key], url: url))
    }

    @Test("boto3 reads the synced objects with the right content types; a second run writes nothing")
    func contentTypes() async throws {
        let url = try MotoServer.require()
        let bucket = "sync-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try MotoServer.python(Self.script, ["create-bucket", bucket], url: url)
        let server = try BLSStyleServer()
        let date = "8/6/2026  8:30 AM"
        let data = "series_id        \tyear\tperiod\tvalue\nPRS30006011      \t2026\tQ01\t1.5\n"
        server.set("pr.data.0.Current", .init(body: Data(data.utf8), date: date))
        server.set("us-population.json", .init(body: Data(#"{"data": []}"#.utf8), date: date))
        server.set("pr.rates.csv", .init(body: Data("a,b\n1,2\n".utf8), date: date))
        let arguments = [
            "sync", "--source", server.listingURL, "--into", "bls/pr", "--store", "s3://\(bucket)/staging", "--delay", "0",
            "--contact", "ops@example.org",
        ]
        let run = try await Self.reportcli(arguments, environment: MotoServer.environment(url))
        #expect(run.status == 0, "\(run.stderr)")
        let tsv = try Self.get(bucket, "staging/bls/pr/pr.data.0.Current", url: url)
        #expect(tsv["body"]?.stringValue == data)
        #expect(tsv["content_type"] == "text/tab-separated-values")
        #expect(try Self.get(bucket, "staging/bls/pr/us-population.json", url: url)["content_type"] == "application/json")
        #expect(try Self.get(bucket, "staging/bls/pr/pr.rates.csv", url: url)["content_type"] == "text/csv")
        let manifest = try Self.get(bucket, "staging/.reportkit/sync/bls-pr.json", url: url)
        #expect(manifest["content_type"] == "application/json")
        let files = try JSONReader.parse(manifest["body"]?.stringValue ?? "")["files"]?.arrayValue ?? []
        #expect(files.compactMap { $0["name"]?.stringValue } == ["pr.data.0.Current", "pr.rates.csv", "us-population.json"])
        #expect(files.first?["sha256"]?.stringValue == SHA256.hex(Data(data.utf8)))

        let before = server.fileRequests.count
        let again = try await Self.reportcli(arguments, environment: MotoServer.environment(url))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.fileRequests.count == before)
        #expect(try JSONReader.parse(again.stdout)["changed"] == false)
    }

    @Test("a store source: from one S3 prefix into a directory store")
    func storeSource() async throws {
        let url = try MotoServer.require()
        let bucket = "sync-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try MotoServer.python(Self.script, ["create-bucket", bucket], url: url)
        _ = try MotoServer.python(Self.script, ["s3-put", bucket, "exports/2026/a.csv", "text/csv", "a,b\n1,2\n"], url: url)
        let scratch = try ScratchDirectory()
        let run = try await Self.reportcli(
            ["sync", "--source", "s3://\(bucket)/exports/", "--into", "mirror", "--store", scratch.url.path], environment: MotoServer.environment(url))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try scratch.text(scratch.url.path + "/mirror/2026/a.csv") == "a,b\n1,2\n")
        let again = try await Self.reportcli(
            ["sync", "--source", "s3://\(bucket)/exports/", "--into", "mirror", "--store", scratch.url.path], environment: MotoServer.environment(url))
        let report = try JSONReader.parse(again.stdout)
        #expect(report["sources"]?.arrayValue?.first?["unchanged"]?.arrayValue?.count == 1, "\(again.stdout)")
    }
}
