import Foundation
import ReportAdapters
import ReportKit
import SlipsCore

/// Sends the slips notification to a notification service over HTTP (the original's
/// MessageMultiplexer): `POST {"message_group_name": …, "params": "<payload as a JSON string>"}`.
///
/// The URL may carry a secret (a token in its path or query): it never appears in errors or
/// logs, only its host.
public struct NotificationServiceNotifier: SlipsNotifier {
    public var url: URL
    public var transport: any HTTPTransport
    public var timeout: Double

    public init(url: URL, transport: any HTTPTransport, timeout: Double = 5) {
        self.url = url
        self.transport = transport
        self.timeout = timeout
    }

    public func send(_ notification: SlipsNotification) async throws {
        let body: JSONValue = [
            "message_group_name": .string(notification.messageGroupName),
            "params": .string(JSONWriter.compact(notification.params)),
        ]
        let request = HTTPRequest(
            method: "POST", url: url, headers: [("Content-Type", "application/json")],
            body: Data(JSONWriter.compact(body).utf8), timeout: timeout)
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw NotificationError(host: URLSessionTransport.hostDescription(url), status: response.status)
        }
    }
}

/// The notification service answered with an error status (after retries).
public struct NotificationError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var host: String
    public var status: Int
    public var category: ErrorCategory { .outsideSystem }
    public var description: String { "the notification service at \(host) answered HTTP \(status)" }
}
