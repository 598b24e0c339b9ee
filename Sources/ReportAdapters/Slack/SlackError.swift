import Foundation
import ReportKit

/// Slack refused a message or a file, or did not answer after retries.
///
/// It names the host, the call and the channel, and Slack's error code or text: never a
/// token or a webhook URL (whose path is the secret).
public struct SlackError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// A Web API answer `{"ok": false, "error": code}`.
        case api(code: String)
        /// An answer other than success: its status and the first line of its text.
        case http(status: Int, text: String)
        /// No answer came, after retries (refused, timed out): the transport's message.
        case noAnswer(String)
        /// HTTP 200 whose body is not the JSON Slack sends.
        case unreadableAnswer
        /// An incoming webhook cannot share files; that needs a bot token.
        case cannotUpload
        /// The publisher was given no channel to post to.
        case noChannel
    }

    /// `host[:port]` of the endpoint.
    public var host: String
    /// `chat.postMessage`, `incoming webhook`, `file upload`, …
    public var call: String
    public var channel: String?
    public var reason: Reason

    public init(host: String, call: String, channel: String? = nil, reason: Reason) {
        self.host = host
        self.call = call
        self.channel = channel
        self.reason = reason
    }

    public var category: ErrorCategory { .outsideSystem }

    /// Slack's error code, when it sent one.
    public var code: String? {
        if case .api(let code) = reason { return code }
        return nil
    }

    /// `true` for codes that say Slack had a passing problem; auth, channel and `invalid_*`
    /// errors (and every code not listed) are not worth a second try.
    public var isRetryable: Bool {
        guard let code else { return false }
        return Self.passingCodes.contains(code)
    }

    static let passingCodes: Set<String> = ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"]

    public var description: String {
        let target = channel.map { " to \($0)" } ?? ""
        let what: String
        switch reason {
        case .api(let code): what = code
        case .http(let status, let text): what = text.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(text)"
        case .noAnswer(let message): what = message
        case .unreadableAnswer: what = "the answer was not Slack's JSON"
        case .cannotUpload: what = "an incoming webhook cannot upload files (use a bot token)"
        case .noChannel: what = "no channel given"
        }
        return "Slack at \(host): \(call)\(target) failed: \(what)"
    }

    /// Runs `send`, turning a transport error (no answer after retries) into a Slack error.
    static func answering(
        host: String, call: String, channel: String? = nil, _ send: () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        do {
            return try await send()
        } catch let error as HTTPTransportError {
            throw SlackError(host: host, call: call, channel: channel, reason: .noAnswer(error.message))
        }
    }

    /// The first line of an answer's text, at most 200 characters, secrets removed.
    static func answerText(_ body: [UInt8], logger: Logger) -> String {
        let text = String(decoding: body, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return logger.redact(String(line.trimmingCharacters(in: .whitespaces).prefix(200)))
    }
}
