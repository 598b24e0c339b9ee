import Foundation
import ReportKit

/// Posts messages through a Slack incoming webhook: `POST` the message's JSON; an answer of
/// HTTP 200 with the body `ok` is success, anything else a ``SlackError`` carrying Slack's
/// text (`invalid_payload`, `channel_is_archived`, …).
///
/// 429, 5xx and time-outs are retried by a ``RetryingTransport`` (429 waits `Retry-After`);
/// 4xx answers are sent once. The webhook URL is a secret: it is redacted from every log
/// line, and errors name only its host. Webhooks cannot share files.
public struct SlackWebhookPublisher: MessagePublisher {
    private let url: URL
    private let transport: RetryingTransport
    private let logger: Logger
    public var timeout: Double

    public init(
        url: URL, transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = .standard,
        logger: Logger = .silent, timeout: Double = 10,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }
    ) {
        var logger = logger
        logger.redacting(url.absoluteString)
        logger.redacting(url.path)
        self.url = url
        self.logger = logger
        self.transport = RetryingTransport(transport, policy: retry, logger: logger, sleep: sleep)
        self.timeout = timeout
    }

    public var canUploadFiles: Bool { false }

    public func post(_ message: JSONValue) async throws {
        let host = URLSessionTransport.hostDescription(url)
        let request = HTTPRequest(
            method: "POST", url: url, headers: [("Content-Type", "application/json; charset=utf-8")],
            body: Data(JSONWriter.compact(message).utf8), timeout: timeout)
        let response = try await SlackError.answering(host: host, call: "incoming webhook") { try await transport.send(request) }
        let text = SlackError.answerText([UInt8](response.body), logger: logger)
        guard response.status == 200, text == "ok" else {
            let error = SlackError(host: host, call: "incoming webhook", reason: .http(status: response.status, text: text))
            logger.error(error.description)
            throw error
        }
        logger.info("Slack at \(host): incoming webhook: posted")
    }

    /// One request; the URL's path (the secret) shows as `***`.
    public func preview(_ message: JSONValue) -> [JSONValue] {
        let origin = "\(url.scheme ?? "https")://\(URLSessionTransport.hostDescription(url))/***"
        return [["method": "POST", "url": .string(origin), "headers": ["Content-Type": "application/json; charset=utf-8"], "body": message]]
    }

    /// Nothing: a webhook cannot upload (``upload(_:)`` throws).
    public func preview(_ file: MessageFile) -> [JSONValue] { [] }

    public func upload(_ file: MessageFile) async throws {
        throw SlackError(host: URLSessionTransport.hostDescription(url), call: "file upload", reason: .cannotUpload)
    }
}
