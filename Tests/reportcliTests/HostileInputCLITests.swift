import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// Inputs we did not write, through the built `reportcli` (issue 17): each run must end in
/// a clear error and the right exit code, never hang, trap or print raw control bytes.
@Suite("reportcli on hostile inputs")
struct HostileInputCLITests {
    static let now = ["--now", "2020-05-01T04:05:06Z"]

    /// A FIFO at `name` in `scratch`, with no writer and no reader.
    static func fifo(_ scratch: ScratchDirectory, _ name: String) throws -> String {
        let path = scratch.url.appendingPathComponent(name).path
        guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return path
    }

    @Test("a FIFO as --db is refused (exit 2), not waited on")
    func fifoDatabase() throws {
        let scratch = try ScratchDirectory()
        let db = try Self.fifo(scratch, "db.yaml")
        let run = try ReportCLIProcess.run(["slips", "--db", db, "--dryrun"] + Self.now, timeout: 10)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("not a regular file"), "\(run.stderr)")
    }

    @Test("a FIFO as --event is refused (exit 2), not waited on")
    func fifoEvent() throws {
        let scratch = try ScratchDirectory()
        let event = try Self.fifo(scratch, "event.json")
        let run = try ReportCLIProcess.run(["pipeline", "run", "--event", event, "--store", scratch.url.path, "--now", "2020-05-01"], timeout: 10)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("not a regular file"), "\(run.stderr)")
    }

    @Test("a FIFO as --metrics is refused (exit 2) before the run reads or sends anything")
    func fifoMetrics() throws {
        let scratch = try ScratchDirectory()
        let metrics = try Self.fifo(scratch, "metrics.jsonl")
        let run = try ReportCLIProcess.run(["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--metrics", metrics] + Self.now, timeout: 10)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("not a regular file"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

/// `--horizon-hours` and `TIME_HORIZON` out of range (issue 17).
@Suite("reportcli slips horizon range")
struct HorizonRangeCLITests {
    @Test("a horizon of 3e15 hours is a usage error naming the option and its range, not a trap", arguments: [
        (["--horizon-hours", "3000000000000000"], [String: String](), "--horizon-hours"),
        ([], ["TIME_HORIZON": "3000000000000000"], "$TIME_HORIZON"),
    ])
    func hugeHorizon(arguments: [String], environment: [String: String], label: String) throws {
        let run = try ReportCLIProcess.run(
            ["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun"] + HostileInputCLITests.now + arguments, environment: environment, timeout: 30)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains(label) && run.stderr.contains("0 to 87600000"), "\(run.stderr)")
    }

    @Test("a horizon within bounds that reaches before the year 0000 is bad input (exit 2)")
    func horizonBeforeYearZero() throws {
        let run = try ReportCLIProcess.run(
            ["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--dryrun", "--now", "0001-01-01T00:00:00Z", "--horizon-hours", "87600000"], timeout: 30)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("before the year 0000"), "\(run.stderr)")
        #expect(!run.stdout.contains("00-1"), "\(run.stdout)")
    }
}

/// Notify URLs, terminal escapes and standard output (issue 17).
@Suite("reportcli output safety")
struct OutputSafetyCLITests {
    @Test("a notify URL with an empty host is a usage error that does not print the secret")
    func emptyHost() throws {
        let run = try ReportCLIProcess.run(
            ["slips", "--db", "Fixtures/slips/e2e_db.yaml", "--notify-url", "http://user:secret@/x"] + HostileInputCLITests.now, timeout: 30)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("--notify-url") && run.stderr.contains("host"), "\(run.stderr)")
        #expect(!run.stderr.contains("secret") && !run.stdout.contains("secret"))
    }

    @Test("an escape byte in an error line is printed escaped")
    func escapeInErrorLine() throws {
        let run = try ReportCLIProcess.run(["slips", "--\u{1b}]0;owned\u{07}"], timeout: 30)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(!run.stderr.contains("\u{1b}") && !run.stderr.contains("\u{07}"), "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("\\u{1b}]0;owned\\u{7}"), "\(run.stderr.debugDescription)")
    }

    @Test("an escape byte from the table in a log line is printed escaped")
    func escapeInLogLine() throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.file("db.json", #"{"items": [{"artifact": "NOTIFICATION", "instance": "region-slips", "updated": "\u001b[2Jsoon"}]}"#)
        let run = try ReportCLIProcess.run(["slips", "--db", db, "--dryrun", "--metrics", "/dev/null"] + HostileInputCLITests.now, timeout: 30)
        #expect(run.status == 0, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("\\u{1b}[2Jsoon"), "\(run.stderr.debugDescription)")
        #expect(!run.stderr.contains("\u{1b}"), "\(run.stderr.debugDescription)")
    }

    @Test("metrics to a full standard output, or logs to a full standard error: no trap", arguments: [
        ("--metrics - > /dev/full", Int32(3)),
        ("--metrics /dev/null > /dev/null 2> /dev/full", Int32(0)),
    ])
    func fullStreams(redirection: String, status: Int32) throws {
        let binary = try ReportCLIProcess.executable().path
        let run = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "exec \"$0\" slips --db Fixtures/slips/e2e_db.yaml --dryrun --now 2020-05-01T04:05:06Z " + redirection, binary],
            workingDirectory: FixturePaths.packageRoot, timeout: 30)
        #expect(run.status == status, "\(run.status) \(run.stderrText.prefix(400))")
    }

    @Test("a payload that cannot be written to standard output (/dev/full) exits 3")
    func fullStandardOutput() throws {
        let binary = try ReportCLIProcess.executable().path
        let run = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "exec \"$0\" slips --db Fixtures/slips/e2e_db.yaml --dryrun --metrics /dev/null --now 2020-05-01T04:05:06Z > /dev/full", binary],
            workingDirectory: FixturePaths.packageRoot, timeout: 30)
        #expect(run.status == 3, "\(run.status) \(run.stderrText)")
        #expect(run.stderrText.contains("standard output"), "\(run.stderrText)")
    }
}

/// The cutoff write through the built binary (issue 17).
@Suite("reportcli slips cutoff write")
struct CutoffWriteCLITests {
    @Test("a read-only table: exit 3 before any notification is sent, the table unchanged")
    func readOnlyBeforeSend() throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.copy("slips/e2e_db.yaml", as: "db.yaml")
        #expect(chmod(db, 0o444) == 0)
        let before = try scratch.text(db)
        let receiver = try LoopbackHTTPServer(replies: [.status(200, body: "{}")])
        let run = try ReportCLIProcess.run(
            ["slips", "--db", db, "--notify-url", receiver.url("/n").absoluteString, "--metrics", "/dev/null"] + HostileInputCLITests.now, timeout: 30)
        #expect(run.status == 3, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("read-only"), "\(run.stderr)")
        #expect(receiver.requests.isEmpty)
        #expect(try scratch.text(db) == before)
    }
}

/// Two runs on one table at once (issue 17).
@Suite("reportcli slips concurrent runs")
struct ConcurrentSlipsCLITests {
    @Test("two runs at once take turns: one notification per cutoff, no update lost")
    func twoRunsTakeTurns() async throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.copy("slips/e2e_db.yaml", as: "db.yaml")
        // A slow receiver keeps the first run between reading and writing the cutoff.
        let receiver = try LoopbackHTTPServer { _ in
            Thread.sleep(forTimeInterval: 1)
            return .status(200, body: "{}")
        }
        let url = receiver.url("/n").absoluteString
        let nows = ["2020-05-01T04:05:06Z", "2020-05-01T05:05:06Z"]
        let runs = try await withThrowingTaskGroup(of: ReportCLIProcess.Outcome.self) { group in
            for now in nows {
                group.addTask {
                    try ReportCLIProcess.run(["slips", "--db", db, "--notify-url", url, "--metrics", "/dev/null", "--now", now], timeout: 60)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for run in runs { #expect(run.status == 0, "\(run.status) \(run.stderr)") }
        let sent = try receiver.requests.map { request -> JSONValue in
            let body = try JSONReader.parse(request.text)
            return try JSONReader.parse(try #require(body["params"]?.stringValue))
        }
        try #require(sent.count == 2, "\(receiver.requests.count) notifications")
        let cutoffs = sent.map { $0["last_sent_date"]?.stringValue ?? "" }
        #expect(cutoffs[0] != cutoffs[1], "the same cutoff was reported twice: \(cutoffs)")
        // The second notification starts where the first run ended, and the table holds
        // the cutoff of the run that sent last.
        let ends = try nows.map { try #require(Timestamp.parse($0)) }
        let firstEnd = try #require(ends.first { Timestamp.minuteUTC($0) == cutoffs[1] }, "\(cutoffs) does not start at a run's end")
        let lastEnd = try #require(ends.first { $0 != firstEnd })
        let table = try scratch.text(db)
        #expect(table.contains("updated: '\(Timestamp.secondUTC(lastEnd))'"), "\(table)")
    }
}

/// Stores past the system's path limits (issue 17).
@Suite("reportcli pipeline run long store paths")
struct LongStoreCLITests {
    @Test("a --store past PATH_MAX: bad input (exit 2), nothing created")
    func storePastPathMax() throws {
        let scratch = try ScratchDirectory()
        let event = try scratch.file("event.json", PipelineCommandTests.event(type: "historisk", prefix: "processed/b/"))
        let store = scratch.url.path + "/" + Array(repeating: String(repeating: "d", count: 250), count: 18).joined(separator: "/")
        let run = try ReportCLIProcess.run(["pipeline", "run", "--event", event, "--store", store, "--now", "2020-05-01"], timeout: 30)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("limit"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["event.json"])
    }
}
