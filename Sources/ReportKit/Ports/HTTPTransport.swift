import Foundation

/// Sends one HTTP request and returns the response, whatever its status.
///
/// A conforming transport throws only when no response arrived (refused connection,
/// timeout, TLS failure) and reports that with ``HTTPTransportError``; a 4xx or 5xx
/// response is returned, not thrown. Retrying is a separate layer (`RetryingTransport`).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Sends `request` and hands back the body a piece at a time, for downloads too large to
    /// hold in memory. For a streamed request, `timeout` bounds the wait for the response to
    /// start and any pause in its bytes, not the whole transfer. The default sends the
    /// request with ``send(_:)`` and splits the body it got.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamedResponse
}

/// An HTTP request as plain values.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    /// Header fields in order; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// A local file whose bytes are the body instead of ``body``, streamed as it is sent
    /// (a large upload never sits in memory).
    public var bodyFile: String?
    /// Seconds to wait for the whole response.
    public var timeout: Double

    public init(
        method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data = Data(),
        bodyFile: String? = nil, timeout: Double = 10
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.bodyFile = bodyFile
        self.timeout = timeout
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.bodyFile == rhs.bodyFile && lhs.timeout == rhs.timeout
            && lhs.headers.map { [$0.name, $0.value] } == rhs.headers.map { [$0.name, $0.value] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(body)
    }
}

/// An HTTP response as plain values.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header fields; names compare case-insensitively.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// `true` for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// No response arrived.
public struct HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case timedOut
        case connectionFailed
        case other
    }

    public var kind: Kind
    /// Host and port only: never the path or query, which may carry secrets.
    public var host: String
    public var message: String

    public init(_ kind: Kind, host: String, _ message: String) {
        self.kind = kind
        self.host = host
        self.message = message
    }

    public var description: String { "\(host): \(message)" }
}
