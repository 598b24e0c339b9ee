import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// `HTTPTransport.stream`: the live transport's download to a temporary file read in pieces,
/// and the retries around it.
@Suite("Streamed HTTP responses")
struct StreamingTransportTests {
    @Test("URLSession streams a 3 MB body in 1 MiB pieces with its status and headers")
    func liveStream() async throws {
        let body = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
        let server = try LoopbackHTTPServer { _ in .data(200, body: body, headers: ["ETag": "\"v1\"", "Content-Type": "text/plain"]) }
        do {
            let response = try await URLSessionTransport().stream(HTTPRequest(method: "GET", url: server.url("/big"), timeout: 5))
            #expect(response.status == 200 && response.header("etag") == "\"v1\"")
            var joined = Data()
            var sizes: [Int] = []
            for try await piece in response.body {
                sizes.append(piece.count)
                joined.append(piece)
            }
            #expect(joined == body)
            #expect(sizes == [1 << 20, 1 << 20, 3_000_000 - 2 << 20])
            let unread = try await URLSessionTransport().stream(HTTPRequest(method: "GET", url: server.url("/again"), timeout: 5))
            #expect(unread.status == 200, "a body never read is dropped with its response")
        }
    }

    @Test("a streamed request is retried on 500 and 429 (Retry-After honoured), and not on 404")
    func retried() async throws {
        let base = ScriptedTransport([
            .respond(HTTPResponse(status: 500)), .respond(HTTPResponse(status: 429, headers: ["Retry-After": "2"])),
            .respond(HTTPResponse(status: 200, body: Data("ok".utf8))),
        ])
        let waits = Waits()
        let transport = RetryingTransport(
            base, policy: RetryPolicy(maxAttempts: 4, baseDelay: 0.1, maxDelay: 1, budget: 30), sleep: { waits.add($0) }, random: { 0.5 })
        let response = try await transport.stream(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/x")!, timeout: 1))
        var joined = Data()
        for try await piece in response.body { joined.append(piece) }
        #expect(response.status == 200 && joined == Data("ok".utf8))
        #expect(waits.values == [0.05, 2])
        let notFound = ScriptedTransport(statuses: [404])
        let answer = try await RetryingTransport(notFound, sleep: { _ in }).stream(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/x")!))
        #expect(answer.status == 404 && notFound.requests.count == 1)
    }
}

/// The waits a retrying transport asked for.
final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Double] = []
    func add(_ seconds: Double) { lock.withLock { list.append(seconds) } }
    var values: [Double] { lock.withLock { list } }
}
