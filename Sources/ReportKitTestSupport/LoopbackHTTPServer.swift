import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for integration tests: it stands in for Slack, the
/// notification service, AWS endpoints and listings. Every request is recorded and answered
/// by a handler closure.
///
/// Connections are served concurrently, each on its own thread, so one that hangs does not
/// hold up the next. One request per connection: replies say `Connection: close` (no
/// keep-alive). Request bodies may come with `Content-Length` or chunked.
///
/// ```swift
/// let server = try LoopbackHTTPServer { request in
///     request.target == "/slow" ? .hang : .status(200, body: "{}")
/// }
/// let relay = try LoopbackHTTPServer(asyncHandler: { request in await answer(request) })
/// let scripted = try LoopbackHTTPServer(replies: [.status(500)], fallback: .status(200, body: "ok"))
/// ```
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// A received request. Header names are lowercased; repeated headers are joined by `, `.
    public struct Request: Sendable {
        public var method: String
        public var target: String
        public var headers: [String: String]
        public var body: Data

        public init(method: String, target: String, headers: [String: String], body: Data) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }

        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// How to answer one request.
    public enum Reply: Sendable {
        case status(Int, body: String = "", headers: [String: String] = [:])
        /// A reply whose body is bytes.
        case data(Int, body: Data, headers: [String: String] = [:])
        /// Read the request, then never answer (the client times out); the connection
        /// closes when the client gives up or the server stops.
        case hang
        /// Close the connection without answering.
        case drop
    }

    /// Answers one request; called on the connection's own thread, concurrently with others.
    public typealias Handler = @Sendable (Request) -> Reply
    /// Answers one request asynchronously (in a task; the connection's thread waits for it).
    public typealias AsyncHandler = @Sendable (Request) async -> Reply

    private enum Answering: Sendable {
        case sync(Handler)
        case async(AsyncHandler)
    }

    public let port: Int
    private let listener: Int32
    private let answering: Answering
    private let lock = NSLock()
    private var received: [Request] = []
    private var openConnections: Set<Int32> = []
    private var stopped = false

    /// Starts listening on an ephemeral port; `handler` answers every request, on the
    /// connection's thread. Prefer it to ``init(asyncHandler:)`` when a test blocks its own
    /// thread while the server answers (a child process calling the server): it needs no
    /// free thread of the concurrency pool.
    public convenience init(handler: @escaping Handler) throws {
        try self.init(answering: .sync(handler))
    }

    /// Starts listening on an ephemeral port; `asyncHandler` answers every request.
    public convenience init(asyncHandler: @escaping AsyncHandler) throws {
        try self.init(answering: .async(asyncHandler))
    }

    private init(answering: Answering) throws {
        (listener, port) = try LoopbackSocket.listen()
        self.answering = answering
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    /// A server that answers with `replies` in the order requests arrive, then `fallback`.
    public convenience init(replies: [Reply] = [], fallback: Reply = .status(200, body: "ok")) throws {
        let script = ScriptedReplies(replies, fallback: fallback)
        try self.init(handler: { _ in script.next() })
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String = "/") -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Every request received so far, in the order they were read.
    public var requests: [Request] { lock.withLock { received } }

    /// Stops accepting connections and closes the ones still open (a hanging reply ends).
    public func stop() {
        let connections = lock.withLock { () -> Set<Int32>? in
            guard !stopped else { return nil }
            stopped = true
            return openConnections
        }
        guard let connections else { return }
        LoopbackSocket.shutdownAndClose(listener)
        for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                continue
            }
            let accepted = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                openConnections.insert(client)
                return true
            }
            guard accepted else { close(client); return }
            LoopbackSocket.prepare(client)
            let connection = Thread { [self] in serve(client) }
            connection.start()
        }
    }

    /// One connection: read a request, ask the handler, answer, close.
    private func serve(_ client: Int32) {
        defer {
            lock.withLock { _ = openConnections.remove(client) }
            close(client)
        }
        var reader = HTTPRequestReader(fd: client)
        guard let request = reader.read() else { return }
        lock.withLock { received.append(request) }
        let reply: Reply
        switch answering {
        case .sync(let handler): reply = handler(request)
        case .async(let handler): reply = Self.wait(for: handler, request)
        }
        switch reply {
        case .drop:
            return
        case .hang:
            var byte: UInt8 = 0
            while recv(client, &byte, 1, 0) > 0 {}
        case let .status(code, body, headers):
            LoopbackSocket.sendAll(client, Self.response(code, body: Array(body.utf8), headers: headers))
        case let .data(code, body, headers):
            LoopbackSocket.sendAll(client, Self.response(code, body: [UInt8](body), headers: headers))
        }
    }

    /// Runs the async handler from this plain thread and waits for its reply.
    private static func wait(for handler: @escaping AsyncHandler, _ request: Request) -> Reply {
        let box = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.reply = await handler(request)
            done.signal()
        }
        done.wait()
        return box.reply ?? .drop
    }

    /// The status line, `Content-Length`, `Connection: close`, the headers sorted by name,
    /// then the body.
    static func response(_ code: Int, body: [UInt8], headers: [String: String]) -> [UInt8] {
        var head = "HTTP/1.1 \(code) \(HTTPURLResponseReason.phrase(code))\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }
}

/// The scripted replies convenience: a queue, then the fallback for every later request.
private final class ScriptedReplies: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [LoopbackHTTPServer.Reply]
    private let fallback: LoopbackHTTPServer.Reply

    init(_ replies: [LoopbackHTTPServer.Reply], fallback: LoopbackHTTPServer.Reply) {
        self.replies = replies
        self.fallback = fallback
    }

    func next() -> LoopbackHTTPServer.Reply {
        lock.withLock { replies.isEmpty ? fallback : replies.removeFirst() }
    }
}

private final class ReplyBox: @unchecked Sendable {
    var reply: LoopbackHTTPServer.Reply?
}

/// A reason phrase for the status line (clients ignore it; people reading a trace do not).
private enum HTTPURLResponseReason {
    static func phrase(_ code: Int) -> String {
        switch code {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
