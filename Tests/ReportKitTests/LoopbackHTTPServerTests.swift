import Foundation
import ReportKitTestSupport
import Testing

@Suite("Loopback HTTP server (test support)")
struct LoopbackHTTPServerTests {
    @Test("a handler answers each request; the request is recorded with headers and body")
    func handler() throws {
        let server = try LoopbackHTTPServer { request in
            .status(201, body: "got \(request.method) \(request.target) \(request.text)", headers: ["X-B": "2", "X-A": "1"])
        }
        defer { server.stop() }
        let answer = try LoopbackHTTPClient.exchange(
            "POST /hooks/1?x=y HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello", port: server.port)
        #expect(answer == "HTTP/1.1 201 Created\r\nContent-Length: 27\r\nConnection: close\r\nX-A: 1\r\nX-B: 2\r\n\r\ngot POST /hooks/1?x=y hello")
        let request = try #require(server.requests.first)
        #expect(request.headers["content-type"] == "text/plain" && request.body == Data("hello".utf8))
    }

    @Test("a chunked request body is read whole")
    func chunked() throws {
        let server = try LoopbackHTTPServer { .status(200, body: String($0.body.count)) }
        defer { server.stop() }
        let answer = try LoopbackHTTPClient.exchange(
            "PUT /o HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n", port: server.port)
        #expect(answer.hasSuffix("\r\n\r\n12"))
        #expect(server.requests.first?.text == "hello, world")
    }

    @Test("a connection that hangs does not block the next one", .timeLimit(.minutes(1)))
    func concurrentConnections() async throws {
        let server = try LoopbackHTTPServer { $0.target == "/hang" ? .hang : .status(200, body: "fast") }
        defer { server.stop() }
        let port = server.port
        let hanging = Task.detached { try? LoopbackHTTPClient.exchange("GET /hang HTTP/1.1\r\n\r\n", port: port, timeout: 20) }
        while server.requests.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        let clock = ContinuousClock()
        var answer = ""
        let elapsed = try clock.measure { answer = try LoopbackHTTPClient.exchange("GET /next HTTP/1.1\r\n\r\n", port: port, timeout: 5) }
        #expect(answer.hasSuffix("\r\n\r\nfast"))
        #expect(elapsed < .seconds(2), "the second request waited \(elapsed) behind the hanging one")
        server.stop()  // ends the hanging connection
        #expect(await hanging.value == "")
    }

    @Test("scripted replies answer in order, then the fallback; drop closes without a word")
    func scripted() throws {
        let server = try LoopbackHTTPServer(replies: [.status(500, body: "boom"), .drop], fallback: .data(200, body: Data([0, 1, 2])))
        defer { server.stop() }
        #expect(try LoopbackHTTPClient.exchange("GET / HTTP/1.1\r\n\r\n", port: server.port).hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
        #expect(try LoopbackHTTPClient.exchange("GET / HTTP/1.1\r\n\r\n", port: server.port).isEmpty)
        #expect(try LoopbackHTTPClient.exchange(Array("GET / HTTP/1.1\r\n\r\n".utf8), port: server.port).suffix(3) == [0, 1, 2])
        #expect(server.requests.count == 3)
    }
}
