import Foundation
import ReportKit

extension SlackWebAPIPublisher {
    /// Calls API `method` with a JSON body; the answer's object when `ok` is true.
    func call(_ method: String, channel: String, json: JSONValue) async throws -> JSONValue {
        try await call(method, channel: channel, contentType: "application/json; charset=utf-8", body: Data(JSONWriter.compact(json).utf8))
    }

    /// Calls API `method` with a form body (the methods that take no JSON).
    func call(_ method: String, channel: String, form: [(String, String)]) async throws -> JSONValue {
        let body = form.map { "\(Self.formEncoded($0.0))=\(Self.formEncoded($0.1))" }.joined(separator: "&")
        return try await call(method, channel: channel, contentType: "application/x-www-form-urlencoded", body: Data(body.utf8))
    }

    /// One API call: HTTP-level retries in the transport, then Slack's passing error codes
    /// retried under the same policy.
    private func call(_ method: String, channel: String, contentType: String, body: Data) async throws -> JSONValue {
        let request = HTTPRequest(
            method: "POST", url: baseURL.appendingPathComponent(method),
            headers: [("Content-Type", contentType), ("Authorization", "Bearer \(token)")], body: body, timeout: timeout)
        let start = ContinuousClock.now
        var attempt = 1
        while true {
            do {
                let answer = try await answer(to: request, method: method, channel: channel)
                logger.info("Slack at \(host): \(method) to \(channel): ok")
                return answer
            } catch let error as SlackError where error.isRetryable {
                let spent = (ContinuousClock.now - start).components
                let elapsed = Double(spent.seconds) + Double(spent.attoseconds) / 1e18 + timeout
                guard let wait = policy.delay(afterAttempt: attempt, elapsed: elapsed, unitRandom: transport.random()) else {
                    throw error
                }
                logger.info("\(error); retrying in \(String(format: "%.2f", wait)) s")
                try await sleep(wait)
                attempt += 1
            }
        }
    }

    private func answer(to request: HTTPRequest, method: String, channel: String) async throws -> JSONValue {
        let response = try await SlackError.answering(host: host, call: method, channel: channel) { try await transport.send(request) }
        guard response.status == 200 else {
            throw SlackError(
                host: host, call: method, channel: channel,
                reason: .http(status: response.status, text: SlackError.answerText([UInt8](response.body), logger: logger)))
        }
        guard let answer = try? JSONReader.parse([UInt8](response.body)), let ok = answer["ok"]?.boolValue else {
            throw SlackError(host: host, call: method, channel: channel, reason: .unreadableAnswer)
        }
        guard ok else {
            let code = answer["error"]?.stringValue ?? "unknown_error"
            throw SlackError(host: host, call: method, channel: channel, reason: .api(code: logger.redact(code)))
        }
        return answer
    }

    /// `application/x-www-form-urlencoded` text: unreserved characters kept, the rest
    /// percent-encoded as UTF-8.
    static func formEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
