import Foundation
import ReportKit

/// Posts messages and shares files through Slack's Web API with a bot token, in every
/// channel it is given (channel IDs, `C0123…`).
///
/// - Messages: `chat.postMessage`, the message's JSON plus `channel`.
/// - Files: `files.getUploadURLExternal` (filename, length), a `POST` of the bytes to the
///   returned `upload_url`, then `files.completeUploadExternal` with `files: [{id, title}]`
///   and `channel_id` (`files.upload` is retired).
///
/// An answer of HTTP 200 with `ok: false` is a ``SlackError`` naming Slack's `error`. 429
/// waits `Retry-After`, 5xx and time-outs are retried with backoff (a ``RetryingTransport``);
/// the passing codes in ``SlackError/isRetryable`` are retried under the same policy; auth,
/// channel and `invalid_*` errors are sent once. Every channel is tried; the first error is
/// thrown after the rest. The token goes only in the `Authorization` header of calls to
/// `baseURL` (never to the upload URL) and is redacted from every log line.
public struct SlackWebAPIPublisher: MessagePublisher {
    /// `https://slack.com/api/`.
    public static let slackBaseURL = URL(string: "https://slack.com/api/")!

    public var channels: [String]
    /// Where the API methods live; a test server or a Slack-compatible one in tests.
    public var baseURL: URL
    public var timeout: Double
    let token: String
    let transport: RetryingTransport
    let policy: RetryPolicy
    let logger: Logger
    let sleep: @Sendable (Double) async throws -> Void

    public init(
        token: String, channels: [String], baseURL: URL = slackBaseURL,
        transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = .standard,
        logger: Logger = .silent, timeout: Double = 10,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }
    ) {
        var logger = logger
        logger.redacting(token)
        self.token = token
        self.channels = channels
        self.baseURL = baseURL
        self.timeout = timeout
        self.policy = retry
        self.logger = logger
        self.sleep = sleep
        self.transport = RetryingTransport(transport, policy: retry, logger: logger, sleep: sleep)
    }

    public var canUploadFiles: Bool { true }

    public func post(_ message: JSONValue) async throws {
        try await eachChannel { channel in
            var body = message.objectValue ?? JSONObject()
            body["channel"] = .string(channel)
            _ = try await call("chat.postMessage", channel: channel, json: .object(body))
        }
    }

    public func upload(_ file: MessageFile) async throws {
        try await eachChannel { channel in
            let ticket = try await call(
                "files.getUploadURLExternal", channel: channel,
                form: [("filename", file.filename), ("length", String(file.data.count))])
            guard let uploadURL = ticket["upload_url"]?.stringValue.flatMap(URL.init(string:)),
                  let fileID = ticket["file_id"]?.stringValue
            else { throw SlackError(host: host, call: "files.getUploadURLExternal", channel: channel, reason: .unreadableAnswer) }
            try await sendBytes(file, to: uploadURL, channel: channel)
            let files: JSONValue = [["id": .string(fileID), "title": .string(file.title)]]
            _ = try await call(
                "files.completeUploadExternal", channel: channel,
                json: ["files": files, "channel_id": .string(channel)])
        }
    }

    /// One `chat.postMessage` per channel.
    public func preview(_ message: JSONValue) -> [JSONValue] {
        channels.map { channel in
            var body = message.objectValue ?? JSONObject()
            body["channel"] = .string(channel)
            return previewCall("chat.postMessage", contentType: "application/json; charset=utf-8", body: .object(body))
        }
    }

    /// Per channel: the upload URL request, the bytes (to the URL Slack will return) and the
    /// completion.
    public func preview(_ file: MessageFile) -> [JSONValue] {
        channels.flatMap { channel -> [JSONValue] in
            [
                previewCall(
                    "files.getUploadURLExternal", contentType: "application/x-www-form-urlencoded",
                    body: ["filename": .string(file.filename), "length": .number(Double(file.data.count))]),
                ["method": "POST", "url": "<upload_url from Slack>", "headers": ["Content-Type": "application/octet-stream"],
                 "body": .string("\(file.data.count) bytes")],
                previewCall(
                    "files.completeUploadExternal", contentType: "application/json; charset=utf-8",
                    body: ["files": [["id": "<file_id from Slack>", "title": .string(file.title)]], "channel_id": .string(channel)]),
            ]
        }
    }

    private func previewCall(_ method: String, contentType: String, body: JSONValue) -> JSONValue {
        [
            "method": "POST", "url": .string(baseURL.appendingPathComponent(method).absoluteString),
            "headers": ["Authorization": "Bearer ***", "Content-Type": .string(contentType)], "body": body,
        ]
    }

    var host: String { URLSessionTransport.hostDescription(baseURL) }

    /// Runs `body` for every channel, then throws the first error any of them threw.
    private func eachChannel(_ body: (String) async throws -> Void) async throws {
        guard !channels.isEmpty else { throw SlackError(host: host, call: "chat.postMessage", reason: .noChannel) }
        var firstError: (any Error)?
        for channel in channels {
            do {
                try await body(channel)
            } catch {
                logger.error("\(error)")
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
    }

    /// The bytes to the upload URL (no token: it is not Slack's API host). The URL is
    /// signed, so it is redacted from logs and errors name only its host.
    private func sendBytes(_ file: MessageFile, to url: URL, channel: String) async throws {
        var logger = logger
        logger.redacting(url.absoluteString)
        let request = HTTPRequest(
            method: "POST", url: url, headers: [("Content-Type", "application/octet-stream")], body: file.data,
            timeout: timeout)
        let retrying = RetryingTransport(transport.base, policy: policy, logger: logger, sleep: sleep)
        let response = try await SlackError.answering(host: URLSessionTransport.hostDescription(url), call: "file upload", channel: channel) {
            try await retrying.send(request)
        }
        guard response.isSuccess else {
            throw SlackError(
                host: URLSessionTransport.hostDescription(url), call: "file upload", channel: channel,
                reason: .http(status: response.status, text: SlackError.answerText([UInt8](response.body), logger: logger)))
        }
    }
}
