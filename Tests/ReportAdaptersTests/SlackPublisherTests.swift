import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// The Slack publishers over the real URLSession transport against a loopback Slack.
@Suite("Slack publishers over HTTP")
struct SlackPublisherTests {
    static let token = "xoxb-1111-2222-SECRETTOKEN"
    static let hookPath = "/services/T0001/B0002/HOOKSECRET42"
    let message: JSONValue = ["text": "Quality reports 2024-03-15: 1 report, 0 failed", "attachments": [["color": "good", "text": "ok"]]]
    let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 2, budget: 300)

    func webAPI(_ server: LoopbackHTTPServer, channels: [String] = ["C0001"], log: RecordingLogHandler = RecordingLogHandler()) -> SlackWebAPIPublisher {
        SlackWebAPIPublisher(token: Self.token, channels: channels, baseURL: server.url("/api/"), retry: policy, logger: log.logger(), timeout: 5)
    }

    func webhook(_ server: LoopbackHTTPServer, log: RecordingLogHandler = RecordingLogHandler()) -> SlackWebhookPublisher {
        SlackWebhookPublisher(url: server.url(Self.hookPath), retry: policy, logger: log.logger(), timeout: 5)
    }

    static func ok(_ extra: String = "") -> LoopbackHTTPServer.Reply {
        .status(200, body: "{\"ok\":true\(extra)}", headers: ["Content-Type": "application/json"])
    }

    static func failed(_ code: String) -> LoopbackHTTPServer.Reply {
        .status(200, body: "{\"ok\":false,\"error\":\"\(code)\"}", headers: ["Content-Type": "application/json"])
    }

    func slackError(_ body: () async throws -> Void) async -> SlackError? {
        do {
            try await body()
            Issue.record("expected a Slack error")
        } catch let error as SlackError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    // MARK: incoming webhook

    @Test func webhookPostsTheMessageAndAcceptsOK() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, body: "ok")])
        try await webhook(server).post(message)
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.target == Self.hookPath)
        #expect(request.headers["content-type"] == "application/json; charset=utf-8")
        #expect(try JSONReader.parse(request.text) == message)
    }

    @Test func webhookErrorCarriesSlacksTextAndIsSentOnce() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(400, body: "invalid_payload"))
        let log = RecordingLogHandler()
        let error = await slackError { try await webhook(server, log: log).post(message) }
        #expect(error?.reason == .http(status: 400, text: "invalid_payload"))
        #expect(error?.description == "Slack at 127.0.0.1:\(server.port): incoming webhook failed: HTTP 400: invalid_payload")
        #expect(server.requests.count == 1)
        #expect(log.lines.allSatisfy { !$0.message.contains("HOOKSECRET42") })
        #expect(!log.lines.isEmpty)
    }

    @Test func webhookURLEchoedBackIsRedacted() async throws {
        let server = try LoopbackHTTPServer { request in .status(404, body: "no_service \(request.target)") }
        let log = RecordingLogHandler()
        let error = await slackError { try await webhook(server, log: log).post(message) }
        #expect(error?.reason == .http(status: 404, text: "no_service ***"))
        for text in [error?.description ?? ""] + log.lines.map(\.message) { #expect(!text.contains("HOOKSECRET42")) }
    }

    @Test func webhook200WithoutOKIsAnError() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(200, body: "no_text"))
        let error = await slackError { try await webhook(server).post(message) }
        #expect(error?.reason == .http(status: 200, text: "no_text"))
    }

    @Test func webhookServerErrorThenOKIsRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(500, body: "busy")], fallback: .status(200, body: "ok"))
        try await webhook(server).post(message)
        #expect(server.requests.count == 2)
    }

    @Test func webhookPreviewHidesThePath() async throws {
        let server = try LoopbackHTTPServer()
        let preview = webhook(server).preview(message)
        #expect(preview == [["method": "POST", "url": .string("http://127.0.0.1:\(server.port)/***"),
                             "headers": ["Content-Type": "application/json; charset=utf-8"], "body": message]])
        #expect(!JSONWriter.compact(.array(preview)).contains("HOOKSECRET42"))
        #expect(server.requests.isEmpty)
    }

    @Test func webhookCannotUpload() async throws {
        let server = try LoopbackHTTPServer()
        let publisher = webhook(server)
        #expect(!publisher.canUploadFiles)
        let error = await slackError { try await publisher.upload(MessageFile(filename: "a.csv", data: Data("a".utf8))) }
        #expect(error?.reason == .cannotUpload)
        #expect(server.requests.isEmpty)
    }

    // MARK: chat.postMessage

    @Test func postMessageSendsTheTokenAndTheChannel() async throws {
        let server = try LoopbackHTTPServer(replies: [Self.ok(), Self.ok()])
        try await webAPI(server, channels: ["C0001", "C0002"]).post(message)
        #expect(server.requests.map(\.target) == ["/api/chat.postMessage", "/api/chat.postMessage"])
        for (request, channel) in zip(server.requests, ["C0001", "C0002"]) {
            #expect(request.headers["authorization"] == "Bearer \(Self.token)")
            #expect(request.headers["content-type"] == "application/json; charset=utf-8")
            let body = try JSONReader.parse(request.text)
            #expect(body["channel"] == .string(channel))
            #expect(body["attachments"] == message["attachments"])
        }
    }

    @Test func okFalseIsAnErrorNamingSlacksCode() async throws {
        let server = try LoopbackHTTPServer(fallback: Self.failed("msg_too_long"))
        let error = await slackError { try await webAPI(server).post(message) }
        #expect(error?.code == "msg_too_long")
        #expect(error?.description == "Slack at 127.0.0.1:\(server.port): chat.postMessage to C0001 failed: msg_too_long")
    }

    @Test(arguments: [
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "channel_not_found", "not_in_channel",
        "is_archived", "invalid_arguments", "invalid_blocks",
    ])
    func errorsThatAreNotRetriedAreSentOnce(code: String) async throws {
        let server = try LoopbackHTTPServer(fallback: Self.failed(code))
        let error = await slackError { try await webAPI(server).post(message) }
        #expect(error?.code == code)
        #expect(server.requests.count == 1)
    }

    @Test func passingCodeIsRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [Self.failed("internal_error")], fallback: Self.ok())
        try await webAPI(server).post(message)
        #expect(server.requests.count == 2)
    }

    @Test func serverErrorThenOKIsRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(500, body: "oops")], fallback: Self.ok())
        try await webAPI(server).post(message)
        #expect(server.requests.count == 2)
    }

    @Test func persistentServerErrorGivesUpWithTheStatus() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(503))
        let error = await slackError { try await webAPI(server).post(message) }
        #expect(error?.reason == .http(status: 503, text: ""))
        #expect(server.requests.count == 3)
    }

    @Test func rateLimitWaitsRetryAfter() async throws {
        let times = TimeLog()
        let script = LockedCounter()
        let server = try LoopbackHTTPServer { _ in
            times.mark()
            return script.next() == 0 ? .status(429, body: "", headers: ["Retry-After": "1"]) : Self.ok()
        }
        try await webAPI(server).post(message)
        #expect(server.requests.count == 2)
        let marks = times.marks
        try #require(marks.count == 2)
        #expect(marks[1] - marks[0] >= .milliseconds(1000))
    }

    @Test func timeoutIsRetried() async throws {
        let transport = ScriptedTransport([
            .fail(HTTPTransportError(.timedOut, host: "slack.com", "no response within 5 s")),
            .respond(HTTPResponse(status: 200, body: Data("{\"ok\":true}".utf8))),
        ])
        let publisher = SlackWebAPIPublisher(token: Self.token, channels: ["C0001"], transport: transport, retry: policy, sleep: { _ in })
        try await publisher.post(message)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.first?.url.absoluteString == "https://slack.com/api/chat.postMessage")
    }

    @Test func noAnswerAfterRetriesIsASlackErrorNamingTheHost() async throws {
        let timeout = HTTPTransportError(.timedOut, host: "slack.com", "no response within 5 s")
        let transport = ScriptedTransport([.fail(timeout), .fail(timeout), .fail(timeout)])
        let publisher = SlackWebAPIPublisher(token: Self.token, channels: ["C0001"], transport: transport, retry: policy, sleep: { _ in })
        let error = await slackError { try await publisher.post(message) }
        #expect(error?.description == "Slack at slack.com: chat.postMessage to C0001 failed: no response within 5 s")
        #expect(error?.category == .outsideSystem)
        #expect(transport.requests.count == 3)
    }

    @Test func everyChannelIsTriedAndTheFirstErrorThrown() async throws {
        let server = try LoopbackHTTPServer { request in
            request.text.contains("\"C0001\"") ? Self.failed("not_in_channel") : Self.ok()
        }
        let error = await slackError { try await webAPI(server, channels: ["C0001", "C0002"]).post(message) }
        #expect(error?.channel == "C0001")
        #expect(server.requests.count == 2)
    }

    // MARK: file upload

    @Test func uploadUsesTheExternalFlow() async throws {
        let server = try LoopbackHTTPServer { request in
            switch request.target {
            case "/api/files.getUploadURLExternal":
                let host = request.headers["host"] ?? ""
                return Self.ok(",\"upload_url\":\"http://\(host)/upload/v1/abc?sig=SIGNATURE99\",\"file_id\":\"F0123\"")
            case "/upload/v1/abc?sig=SIGNATURE99":
                return .status(200, body: "OK - 9")
            case "/api/files.completeUploadExternal":
                return Self.ok(",\"files\":[{\"id\":\"F0123\"}]")
            default:
                return .status(404)
            }
        }
        let file = MessageFile(filename: "summary table.csv", title: "Summary", data: Data("a,b\n1,2\n\n".utf8))
        try await webAPI(server).upload(file)
        let requests = server.requests
        #expect(requests.map(\.target) == ["/api/files.getUploadURLExternal", "/upload/v1/abc?sig=SIGNATURE99", "/api/files.completeUploadExternal"])
        try #require(requests.count == 3)
        #expect(requests[0].headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(requests[0].text == "filename=summary%20table.csv&length=9")
        #expect(requests[0].headers["authorization"] == "Bearer \(Self.token)")
        #expect(requests[1].body == file.data)
        #expect(requests[1].headers["authorization"] == nil)
        #expect(try JSONReader.parse(requests[2].text) == ["files": [["id": "F0123", "title": "Summary"]], "channel_id": "C0001"])
        #expect(requests[2].headers["authorization"] == "Bearer \(Self.token)")
    }

    @Test func uploadRefusedByTheUploadURLNamesOnlyItsHost() async throws {
        let log = RecordingLogHandler()
        let server = try LoopbackHTTPServer { request in
            request.target.hasPrefix("/api/")
                ? Self.ok(",\"upload_url\":\"http://\(request.headers["host"] ?? "")/up?sig=SIGNATURE99\",\"file_id\":\"F1\"")
                : .status(403, body: "expired")
        }
        let error = await slackError { try await webAPI(server, log: log).upload(MessageFile(filename: "a.csv", data: Data("a".utf8))) }
        #expect(error?.description == "Slack at 127.0.0.1:\(server.port): file upload to C0001 failed: HTTP 403: expired")
        #expect(server.requests.count == 2)
        #expect(log.lines.allSatisfy { !$0.message.contains("SIGNATURE99") })
    }

    @Test func uploadGoesToEveryChannel() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target.hasPrefix("/api/files.get")
                ? Self.ok(",\"upload_url\":\"http://\(request.headers["host"] ?? "")/up\",\"file_id\":\"F1\"")
                : request.target == "/up" ? .status(200, body: "OK") : Self.ok()
        }
        try await webAPI(server, channels: ["C0001", "C0002"]).upload(MessageFile(filename: "a.csv", data: Data("a".utf8)))
        let completions = server.requests.filter { $0.target == "/api/files.completeUploadExternal" }
        #expect(server.requests.count == 6)
        #expect(try completions.map { try JSONReader.parse($0.text)["channel_id"] } == ["C0001", "C0002"])
    }

    // MARK: previews

    @Test func webAPIPreviewShowsEveryRequestWithoutTheToken() async throws {
        let server = try LoopbackHTTPServer()
        let publisher = webAPI(server, channels: ["C0001", "C0002"])
        let posts = publisher.preview(message)
        #expect(posts.count == 2)
        #expect(posts.first?["url"] == .string(server.url("/api/chat.postMessage").absoluteString))
        #expect(posts.last?["body"]?["channel"] == "C0002")
        #expect(posts.first?["headers"]?["Authorization"] == "Bearer ***")
        let uploads = publisher.preview(MessageFile(filename: "a.csv", title: "A", data: Data("abc".utf8)))
        #expect(uploads.count == 6)
        #expect(uploads.first?["body"] == ["filename": "a.csv", "length": 3])
        #expect(uploads[2]["body"]?["channel_id"] == "C0001")
        #expect(!JSONWriter.compact(.array(posts + uploads)).contains("SECRETTOKEN"))
        #expect(server.requests.isEmpty)
    }

    // MARK: secrets

    @Test func theTokenIsInNoErrorAndNoLogLine() async throws {
        let log = RecordingLogHandler()
        // A hostile server echoes the token back in its error code and text.
        let server = try LoopbackHTTPServer { request in
            let echoed = (request.headers["authorization"] ?? "").replacingOccurrences(of: "Bearer ", with: "")
            return request.target.hasSuffix("chat.postMessage") ? .status(500, body: "bad \(echoed)") : Self.failed("invalid_auth \(echoed)")
        }
        let publisher = webAPI(server, channels: ["C0001"], log: log)
        let postError = await slackError { try await publisher.post(message) }
        let uploadError = await slackError { try await publisher.upload(MessageFile(filename: "a.csv", data: Data("a".utf8))) }
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })
        let texts = [postError?.description, uploadError?.description].compactMap { $0 } + log.lines.map(\.message)
        #expect(texts.count >= 4)
        for text in texts { #expect(!text.contains("SECRETTOKEN"), "\(text)") }
    }
}

/// Instants at which a loopback handler ran.
final class TimeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ContinuousClock.Instant] = []
    func mark() { lock.withLock { stored.append(.now) } }
    var marks: [ContinuousClock.Instant] { lock.withLock { stored } }
}

/// 0, 1, 2, … across threads.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { defer { count += 1 }; return count } }
}
