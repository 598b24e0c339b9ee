import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import SlipsCore
import Testing

/// The notifier over the real URLSession transport against a real loopback HTTP server.
@Suite("Notification service over HTTP")
struct NotifierIntegrationTests {
    let notification = SlipsNotification(messageGroupName: "region-slips", params: ["slip_count": 1, "note": "é \"quoted\""])

    func notifier(_ server: LoopbackHTTPServer, attempts: Int = 3, timeout: Double = 2) -> NotificationServiceNotifier {
        // A budget far past the attempts' time: these tests count attempts, and in a busy test run
        // a retry can wait a long time for a free thread (a 60 s budget ran out in CI that way).
        let transport = RetryingTransport(URLSessionTransport(), policy: RetryPolicy(maxAttempts: attempts, baseDelay: 0.05, maxDelay: 0.1, budget: 600))
        return NotificationServiceNotifier(url: server.url("/mm/send?token=SECRET"), transport: transport, timeout: timeout)
    }

    @Test func postsTheMessageGroupAndThePayloadAsAString() async throws {
        let server = try LoopbackHTTPServer()
        try await notifier(server).send(notification)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/mm/send?token=SECRET")
        #expect(request.headers["content-type"] == "application/json")
        let body = try JSONSerialization.jsonObject(with: request.body) as? [String: String]
        #expect(body?["message_group_name"] == "region-slips")
        let params = try JSONSerialization.jsonObject(with: Data((body?["params"] ?? "").utf8)) as? [String: Any]
        #expect(params?["slip_count"] as? Int == 1)
        #expect(params?["note"] as? String == "é \"quoted\"")
    }

    @Test func retriesA500AndSucceeds() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(500)])
        try await notifier(server).send(notification)
        #expect(server.requests.count == 2)
    }

    @Test func persistent500IsAnOutsideFailureNamingOnlyTheHost() async throws {
        let server = try LoopbackHTTPServer(fallback: .status(500))
        do {
            try await notifier(server).send(notification)
            Issue.record("expected a failure")
        } catch let error as NotificationError {
            #expect(error.status == 500)
            #expect(error.category == .outsideSystem)
            #expect(error.description == "the notification service at 127.0.0.1:\(server.port) answered HTTP 500")
        }
        #expect(server.requests.count == 3)
    }

    @Test func noAnswerTimesOut() async throws {
        let server = try LoopbackHTTPServer(fallback: .hang)
        let started = ContinuousClock.now
        do {
            try await notifier(server, attempts: 1, timeout: 1).send(notification)
            Issue.record("expected a timeout")
        } catch let error as HTTPTransportError {
            #expect(error.kind == .timedOut)
            #expect(error.description == "127.0.0.1:\(server.port): no response within 1 s")
        }
        #expect(ContinuousClock.now - started >= .milliseconds(900))
        #expect(server.requests.count == 1)
    }

    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let server = try LoopbackHTTPServer()
        let port = server.port
        server.stop()
        let transport = URLSessionTransport()
        do {
            _ = try await transport.send(HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:\(port)/x")!, timeout: 2))
            Issue.record("expected a failure")
        } catch let error as HTTPTransportError {
            #expect(error.kind == .connectionFailed)
            #expect(error.host == "127.0.0.1:\(port)")
        }
    }
}
