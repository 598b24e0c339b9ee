import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli run` as a process against a loopback Slack that records every request.
@Suite("reportcli run and Slack", .serialized)
struct RunSlackTests {
    static let token = "xoxb-7777-8888-RUNSECRETTOKEN"
    static let hook = "/services/T0001/B0002/RUNHOOKSECRET"

    @Test("a webhook gets one grouped message; a failing report shows as failed while the others are written (exit 1)")
    func webhookOneMessage() throws {
        let run = try RunScratch(failing: true)
        let slack = try LoopbackHTTPServer(replies: [], fallback: .status(200, body: "ok"))
        let outcome = try run.run(["--slack-webhook", slack.url(Self.hook).absoluteString, "--viewer-url", "https://reports.example.org/"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(slack.requests.count == 1)
        let message = try JSONReader.parse(try #require(slack.requests.first).text)
        #expect(message["text"] == "Quality reports 2024-03-15: 3 reports, 1 failed")
        let attachments = try #require(message["attachments"]?.arrayValue)
        #expect(attachments.compactMap { $0["title"]?.stringValue } == ["Consent Codes", "Report Requests", "Broken Query failed"])
        #expect(attachments[2]["color"] == "danger")
        #expect(attachments[2]["text"]?.stringValue?.contains("no_such_table") == true)
        #expect(JSONWriter.compact(message).contains("reports.example.org/#2024-03-15"))
        #expect(attachments[0]["title_link"] == "https://reports.example.org/#2024-03-15/Consent_Codes")
        let files = run.storedFiles()
        #expect(files.contains("20240315-reports/Consent_Codes/report.csv"))
        #expect(files.contains("20240315-reports/Report_Requests/by_month.csv"))
        // The failed report has only its page and notebook, which show the failure.
        #expect(files.filter { $0.hasPrefix("20240315-reports/Broken_Query/") }.sorted() == ["20240315-reports/Broken_Query/report.html", "20240315-reports/Broken_Query/report.ipynb"])
        let manifest = try run.manifest()
        #expect(manifest["reports"]?.arrayValue?[2]["status"] == "failed")
        #expect(manifest["delivery"]?["status"] == "sent")
        #expect(outcome.stderr.contains("[3/3] Broken Query: failed"))
        #expect(!(outcome.stdout + outcome.stderr + (try run.allStoredText())).contains("RUNHOOKSECRET"))
    }

    @Test("the Web API: chat.postMessage with the bot token, then the external upload flow for the SQL report's file")
    func webAPIAndUpload() throws {
        let run = try RunScratch()
        let slack = try FakeSlack.webAPI()
        let outcome = try run.run(["--slack-channel", "C0RUN1", "--slack-api-url", slack.url("/api/").absoluteString], environment: ["REPORTKIT_SLACK_TOKEN": Self.token])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let targets = slack.requests.map(\.target)
        #expect(targets == ["/api/chat.postMessage", "/api/files.getUploadURLExternal", "/upload/F0001", "/api/files.completeUploadExternal"])
        let post = slack.requests[0]
        #expect(post.headers["authorization"] == "Bearer \(Self.token)")
        let body = try JSONReader.parse(post.text)
        #expect(body["channel"] == "C0RUN1")
        #expect(body["text"] == "Quality reports 2024-03-15: 2 reports, 0 failed")
        #expect(slack.requests[1].text.contains("filename=report.csv"))
        #expect(slack.requests[2].headers["authorization"] == nil, "the token never goes to the upload URL")
        #expect(slack.requests[2].text == (try run.stored("20240315-reports/Consent_Codes/report.csv")))
        let complete = try JSONReader.parse(slack.requests[3].text)
        #expect(complete["channel_id"] == "C0RUN1")
        #expect(complete["files"]?.arrayValue?[0]["id"] == "F0001")
        let everything = outcome.stdout + outcome.stderr + (try run.allStoredText())
        #expect(!everything.contains(Self.token))
        #expect(!everything.contains("RUNSECRETTOKEN"))
    }

    @Test("500 then 200: the message is retried and sent once")
    func serverErrorRetried() throws {
        let run = try RunScratch()
        let slack = try LoopbackHTTPServer(replies: [.status(500, body: "oops")], fallback: .status(200, body: "ok"))
        let outcome = try run.run(["--slack-webhook", slack.url(Self.hook).absoluteString])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(slack.requests.count == 2)
        #expect(slack.requests[0].text == slack.requests[1].text)
        #expect(try run.manifest()["delivery"]?["status"] == "sent")
    }

    @Test("429 with Retry-After: the run waits as long before it tries again")
    func retryAfterHonoured() throws {
        let run = try RunScratch()
        let slack = try LoopbackHTTPServer(replies: [.status(429, body: "rate_limited", headers: ["Retry-After": "2"])], fallback: .status(200, body: "ok"))
        let started = Date()
        let outcome = try run.run(["--slack-webhook", slack.url(Self.hook).absoluteString])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(slack.requests.count == 2)
        #expect(Date().timeIntervalSince(started) >= 2)
    }

    @Test("ok: false names Slack's error, is not retried, and is exit 3 with the files and manifest written")
    func okFalseReported() throws {
        let run = try RunScratch()
        let slack = try FakeSlack.webAPI { request in
            request.target == "/api/chat.postMessage" ? FakeSlack.json("{\"ok\":false,\"error\":\"channel_not_found\"}") : nil
        }
        let outcome = try run.run(["--slack-token", Self.token, "--slack-channel", "C0NOPE", "--slack-api-url", slack.url("/api").absoluteString])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(slack.requests.filter { $0.target == "/api/chat.postMessage" }.count == 1)
        #expect(outcome.stderr.contains("channel_not_found"))
        let delivery = try #require(try run.manifest()["delivery"])
        #expect(delivery["status"] == "failed")
        #expect(delivery["error"]?.stringValue?.contains("chat.postMessage to C0NOPE failed: channel_not_found") == true)
        #expect(run.storedFiles().contains("20240315-reports/Consent_Codes/report.csv"))
        #expect(run.storedFiles().contains("runs.json"))
        #expect(!(outcome.stdout + outcome.stderr + (try run.allStoredText())).contains(Self.token))
    }

    @Test("Slack down after retries: the files and manifest are written, the manifest records it, exit 3")
    func slackDown() throws {
        let run = try RunScratch()
        let slack = try LoopbackHTTPServer(replies: [], fallback: .status(503, body: "unavailable"))
        let outcome = try run.run(["--slack-webhook", slack.url(Self.hook).absoluteString])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(slack.requests.count == 4, "the standard policy's four attempts")
        let manifest = try run.manifest()
        #expect(manifest["delivery"]?["status"] == "failed")
        #expect(manifest["delivery"]?["error"]?.stringValue?.contains("HTTP 503") == true)
        #expect(manifest["reports"]?.arrayValue?[0]["status"] == "ok")
        #expect(run.storedFiles().contains("20240315-reports/Consent_Codes/report.csv"))
        #expect(!(outcome.stdout + outcome.stderr + (try run.allStoredText())).contains("RUNHOOKSECRET"))
    }

    @Test("--dryrun writes and sends nothing and prints the manifest and the requests, secrets as ***")
    func dryrun() throws {
        let run = try RunScratch()
        let slack = try FakeSlack.webAPI()
        let outcome = try run.run(["--dryrun", "--slack-token", Self.token, "--slack-channel", "C0RUN1", "--slack-api-url", slack.url("/api/").absoluteString])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(slack.requests.isEmpty)
        #expect(run.storedFiles().isEmpty)
        let printed = try JSONReader.parse(outcome.stdout)
        #expect(printed["manifest"]?["delivery"]?["status"] == "dryrun")
        let requests = try #require(printed["slack_requests"]?.arrayValue)
        #expect(requests.count == 4, "chat.postMessage and the three steps of the upload")
        #expect(requests[0]["headers"]?["Authorization"] == "Bearer ***")
        #expect(!(outcome.stdout + outcome.stderr).contains(Self.token))
    }

    @Test("no Slack configured: no message, and standard error says so; a bad registry is exit 2 with nothing written")
    func noSlackAndBadRegistry() throws {
        let run = try RunScratch()
        let outcome = try run.run([])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Slack: not configured"))
        #expect(try run.manifest()["delivery"] == .null)

        let bad = try RunScratch()
        _ = try bad.scratch.file("reports.yaml", "reports:\n  - name: X\n    kind: nope\n")
        let refused = try bad.run([])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("reports.yaml:3:"), "\(refused.stderr)")
        #expect(bad.storedFiles().isEmpty)
        let both = try run.run(["--slack-webhook", "https://hooks.example.org/x/SECRETHOOK", "--slack-token", Self.token, "--slack-channel", "C1"])
        #expect(both.status == 2)
        #expect(!(both.stdout + both.stderr).contains("SECRETHOOK") && !(both.stdout + both.stderr).contains(Self.token))
    }

    @Test("a store that can't be written is exit 3, and Slack is told the run failed")
    func storeFails() throws {
        let run = try RunScratch()
        _ = try run.scratch.file("store", "a file where the store's folder should be")
        let slack = try LoopbackHTTPServer(replies: [], fallback: .status(200, body: "ok"))
        let outcome = try run.run(["--slack-webhook", slack.url(Self.hook).absoluteString])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("reportcli: error: cannot open the store's folder"))
        #expect(slack.requests.count == 1)
        let message = try JSONReader.parse(try #require(slack.requests.first).text)
        #expect(message["text"] == "Quality reports 2024-03-15: the run failed")
        #expect(message["attachments"]?.arrayValue?.first?["text"]?.stringValue?.hasPrefix("cannot open the store's folder") == true)
    }
}
