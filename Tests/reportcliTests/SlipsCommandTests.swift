import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli slips` run as a process, as cron runs it.
@Suite("reportcli slips")
struct SlipsCommandTests {
    static let now = ["--now", "2020-05-01T04:05:06Z"]

    @Test("--dryrun prints the golden payload and touches nothing")
    func dryrun() throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.copy("slips/e2e_db.yaml", as: "db.yaml")
        let before = try scratch.text(db)
        let run = try ReportCLIProcess.run(["slips", "--db", db, "--dryrun"] + Self.now)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(GoldenFile.difference(run.stdout, try FixturePaths.text("slips/e2e_expected.json"), name: "stdout") == nil)
        #expect(try scratch.text(db) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["db.yaml"])
    }

    @Test("--horizon-hours 240 prints the seed's sample")
    func horizon() throws {
        let run = try ReportCLIProcess.run(["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--horizon-hours", "240"] + Self.now)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(GoldenFile.difference(run.stdout, try FixturePaths.text("slips/e2e_expected_horizon240.json"), name: "stdout") == nil)
    }

    @Test("--logmm logs the payload once on stderr; --metrics writes the four metrics")
    func logAndMetrics() throws {
        let scratch = try ScratchDirectory()
        let metrics = scratch.url.appendingPathComponent("metrics.jsonl").path
        let run = try ReportCLIProcess.run(["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--logmm", "--metrics", metrics] + Self.now)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "\"slip_count\": 1").count == 2, "\(run.stderr)")
        let lines = try scratch.text(metrics).split(separator: "\n")
        #expect(!lines.isEmpty)
        for name in ["message_send_success", "message_send_failure", "slips_count", "improvements_count"] {
            #expect(lines.contains { $0.contains("\"\(name)\"") }, "no \(name) in \(lines)")
        }
    }

    @Test("a dry run's metrics: nothing sent and nothing failed (message_send_success 0)")
    func dryRunMetrics() throws {
        let scratch = try ScratchDirectory()
        let metrics = scratch.url.appendingPathComponent("metrics.jsonl").path
        let run = try ReportCLIProcess.run(["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--metrics", metrics] + Self.now)
        #expect(run.status == 0, "\(run.stderr)")
        let line = try JSONReader.parse(try scratch.text(metrics).trimmingCharacters(in: .newlines))
        #expect(line["message_send_success"] == 0)
        #expect(line["message_send_failure"] == 0)
        #expect(line["slips_count"] == 1 && line["improvements_count"] == 1)
    }

    @Test("a real send posts the payload, then moves the cutoff to now")
    func send() throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.copy("slips/e2e_db.yaml", as: "db.yaml")
        let receiver = try LoopbackHTTPServer(replies: [.status(200, body: "{}")])
        let run = try ReportCLIProcess.run(
            ["slips", "--db", db, "--metrics", "-"] + Self.now,
            environment: ["REPORTKIT_NOTIFY_URL": receiver.url("/notify/TOKEN123").absoluteString])
        #expect(run.status == 0, "\(run.stderr)")
        let request = try #require(receiver.requests.first)
        #expect(receiver.requests.count == 1)
        #expect(request.method == "POST" && request.target == "/notify/TOKEN123")
        let body = try JSONReader.parse(request.text)
        #expect(body["message_group_name"] == "region-slips")
        let params = try JSONReader.parse(try #require(body["params"]?.stringValue))
        #expect(params == (try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json"))))
        #expect(GoldenFile.difference(try scratch.text(db), try FixturePaths.text("slips/e2e_db.after-run.yaml"), name: "db.yaml") == nil)
        #expect(!run.stderr.contains("TOKEN123"))
        let metrics = try JSONReader.parse(String(try #require(run.stdout.split(separator: "\n").first)))
        #expect(metrics["message_send_success"] == 1 && metrics["message_send_failure"] == 0)

        // The next run starts where this one ended.
        let next = try ReportCLIProcess.run(["slips", "--db", db, "--dryrun", "--now", "2020-05-02T00:00:00Z"])
        #expect(try JSONReader.parse(next.stdout)["last_sent_date"] == "2020-05-01 04:05 UTC")
    }

    @Test("a receiver that fails or is not there: exit 3, the table byte for byte unchanged", arguments: ["500", "down", "hang"])
    func sendFails(mode: String) throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.copy("slips/e2e_db.yaml", as: "db.yaml")
        let before = try scratch.text(db)
        let receiver = try LoopbackHTTPServer(fallback: mode == "hang" ? .hang : .status(500, body: "boom"))
        let url = receiver.url("/notify/TOKEN123").absoluteString
        if mode == "down" { receiver.stop() }
        let run = try ReportCLIProcess.run(["slips", "--db", db, "--notify-url", url, "--timeout", "1"] + Self.now)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(try scratch.text(db) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["db.yaml"])
        #expect(run.stderr.contains("reportcli: error:"))
        #expect(!run.stderr.contains("TOKEN123"), "\(run.stderr)")
        #expect(run.stderr.contains("message_send_failure"), "metrics are written on failure too")
        if mode == "500" { #expect(receiver.requests.count > 1, "5xx is retried") }
    }

    @Test("malformed YAML: exit 2 naming the file, line and column")
    func malformedYAML() throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.file("db.yaml", "items:\n  - artifact: REGION\n    instance: \"ABC:v0\n")
        let run = try ReportCLIProcess.run(["slips", "--db", db, "--dryrun"] + Self.now)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(db):3:"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("a bad item: exit 2 naming artifact, instance and field; nothing sent, nothing written")
    func badItem() throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.file("db.yaml", "items:\n  - artifact: REGION\n    instance: ABC:v0\n    date: soon\n    version_instance: 0\n")
        let receiver = try LoopbackHTTPServer()
        let run = try ReportCLIProcess.run(["slips", "--db", db, "--notify-url", receiver.url().absoluteString] + Self.now)
        #expect(run.status == 2)
        #expect(run.stderr.contains("REGION") && run.stderr.contains("ABC:v0") && run.stderr.contains("'date'"), "\(run.stderr)")
        #expect(receiver.requests.isEmpty)
        #expect(try scratch.text(db).hasSuffix("version_instance: 0\n"))
    }

    @Test("usage errors exit 2 with a pointer to --help", arguments: [
        (["slips", "--dryrun"], "--db is required"),
        (["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--frobnicate"], "unknown option '--frobnicate'"),
        (["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--slip-delta", "0"], "slip"),
        (["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--now", "yesterday", "--dryrun"], "--now"),
        (["slips", "--db", "Fixtures/slips/e2e_db.yaml"], "--notify-url"),
        (["frobnicate"], "unknown command"),
    ])
    func usage(arguments: [String], words: String) throws {
        let run = try ReportCLIProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(words), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("--help describes the command and its exit codes")
    func help() throws {
        let run = try ReportCLIProcess.run(["slips", "--help"])
        #expect(run.status == 0)
        for words in ["--db", "--dryrun", "--logmm", "--horizon-hours", "--slip-delta", "--notify-url", "EXIT CODES"] {
            #expect(run.stdout.contains(words))
        }
    }

    @Test("DynamoDB failing or silent: exit 3, nothing sent", arguments: ["500", "hang"])
    func dynamoDBFails(mode: String) throws {
        let table = try LoopbackHTTPServer(fallback: mode == "hang" ? .hang : .status(500, body: #"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"boom"}"#))
        let receiver = try LoopbackHTTPServer()
        let run = try ReportCLIProcess.run(
            ["slips", "--db", "dynamodb://buildables", "--notify-url", receiver.url().absoluteString, "--timeout", "1"] + Self.now,
            environment: [
                "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "SECRETKEY123", "AWS_REGION": "us-east-1",
                "AWS_ENDPOINT_URL_DYNAMODB": table.url().absoluteString,
            ])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(receiver.requests.isEmpty)
        #expect(!run.stderr.contains("SECRETKEY123"))
        if mode == "500" { #expect(run.stderr.contains("InternalServerError"), "\(run.stderr)") }
    }

    @Test("no AWS credentials for dynamodb://: exit 2 saying where it looked")
    func dynamoDBWithoutCredentials() throws {
        let run = try ReportCLIProcess.run(["slips", "--db", "dynamodb://buildables", "--dryrun"] + Self.now, environment: ["HOME": "/nonexistent"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("AWS_ACCESS_KEY_ID"), "\(run.stderr)")
    }
}
