import Foundation
import ReportKit

/// The live ``LambdaRuntime``: HTTP to the Runtime API at `AWS_LAMBDA_RUNTIME_API`
/// (`host:port`), version `2018-06-01`.
///
/// `next` waits without a time-out of its own (Lambda answers when an event comes, and freezes
/// the process meanwhile). Answers are retried when nothing answered, but never past the
/// invocation's deadline.
public struct LambdaRuntimeHTTPClient: LambdaRuntime {
    /// `http://host:port/2018-06-01`.
    public let base: URL
    private let transport: any HTTPTransport
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// A wait longer than any invocation or idle spell (curl's time-outs need a number).
    static let unboundedWait: Double = 366 * 24 * 3600
    /// One attempt to post an answer to the local endpoint.
    static let answerTimeout: Double = 5

    /// - Parameter api: `AWS_LAMBDA_RUNTIME_API`, `127.0.0.1:9001`.
    public init?(api: String, transport: any HTTPTransport = URLSessionTransport(), logger: Logger = .silent, now: @escaping @Sendable () -> Date = Date.init) {
        guard !api.isEmpty, !api.contains("/"), let base = URL(string: "http://\(api)/2018-06-01"), base.host != nil else { return nil }
        self.base = base
        self.transport = transport
        self.logger = logger
        self.now = now
    }

    public func next() async throws -> LambdaInvocation {
        let request = HTTPRequest(method: "GET", url: base.appendingPathComponent("runtime/invocation/next"), timeout: Self.unboundedWait)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as HTTPTransportError {
            throw LambdaRuntimeAPIError(status: nil, "next invocation: \(error)")
        }
        guard response.isSuccess else { throw LambdaRuntimeAPIError(status: response.status, "next invocation: HTTP \(response.status)") }
        guard let requestId = response.header("Lambda-Runtime-Aws-Request-Id"), !requestId.isEmpty,
              !requestId.contains("/"), !requestId.contains("..")
        else {
            throw LambdaRuntimeAPIError(status: response.status, "next invocation: no usable Lambda-Runtime-Aws-Request-Id header")
        }
        guard let deadline = response.header("Lambda-Runtime-Deadline-Ms").flatMap({ Int64($0) }) else {
            throw LambdaRuntimeAPIError(status: response.status, "next invocation \(requestId): no Lambda-Runtime-Deadline-Ms header")
        }
        return LambdaInvocation(
            requestId: requestId, deadlineMilliseconds: deadline,
            traceId: response.header("Lambda-Runtime-Trace-Id"),
            functionArn: response.header("Lambda-Runtime-Invoked-Function-Arn"), event: response.body)
    }

    public func respond(to invocation: LambdaInvocation, with body: Data) async throws {
        try await post("runtime/invocation/\(invocation.requestId)/response", body: body, headers: [], invocation: invocation)
    }

    public func fail(_ invocation: LambdaInvocation, with error: LambdaFunctionError) async throws {
        try await post(
            "runtime/invocation/\(invocation.requestId)/error", body: Data(JSONWriter.compact(error.document).utf8),
            headers: [("Lambda-Runtime-Function-Error-Type", error.errorType)], invocation: invocation)
    }

    public func failInitialization(with error: LambdaFunctionError) async throws {
        try await post(
            "runtime/init/error", body: Data(JSONWriter.compact(error.document).utf8),
            headers: [("Lambda-Runtime-Function-Error-Type", error.errorType)], invocation: nil)
    }

    /// Posts an answer; retried while the deadline (or, at start, a few seconds) allows.
    private func post(_ path: String, body: Data, headers: [(name: String, value: String)], invocation: LambdaInvocation?) async throws {
        let secondsLeft = invocation.map { $0.secondsLeft(at: now()) } ?? 10
        let timeout = max(1, min(Self.answerTimeout, secondsLeft))
        let request = HTTPRequest(
            method: "POST", url: base.appendingPathComponent(path),
            headers: [("Content-Type", "application/json")] + headers, body: body, timeout: timeout)
        let retrying = RetryingTransport(transport, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 1, budget: max(0, secondsLeft)), logger: logger)
        let response: HTTPResponse
        do {
            response = try await retrying.send(request)
        } catch let error as HTTPTransportError {
            throw LambdaRuntimeAPIError(status: nil, "\(path): \(error)")
        }
        guard response.isSuccess else {
            let detail = (try? JSONReader.parse(String(decoding: response.body, as: UTF8.self)))?["errorMessage"]?.stringValue
            throw LambdaRuntimeAPIError(status: response.status, "\(path): HTTP \(response.status)" + (detail.map { ": " + $0 } ?? ""))
        }
    }
}
