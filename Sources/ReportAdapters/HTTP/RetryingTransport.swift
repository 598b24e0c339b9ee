import Foundation
import ReportKit

/// Retries another transport's requests that failed for a passing reason: no response
/// (refused, timed out), 429 or 5xx. Other responses, success or not, are returned at once.
///
/// Waits follow a ``RetryPolicy``; a retry is made only when it can end, timeout included,
/// inside the policy's budget. Once it gives up, the last response is returned or the last
/// transport error thrown, for the caller to turn into its own error.
public struct RetryingTransport: HTTPTransport {
    public var base: any HTTPTransport
    public var policy: RetryPolicy
    public var logger: Logger
    /// Sleeps for the given seconds; replaced in tests.
    public var sleep: @Sendable (Double) async throws -> Void
    /// A number in [0, 1); replaced in tests.
    public var random: @Sendable () -> Double

    public init(
        _ base: any HTTPTransport, policy: RetryPolicy = .standard, logger: Logger = .silent,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.base = base
        self.policy = policy
        self.logger = logger
        self.sleep = sleep
        self.random = random
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await retrying(request, status: \.status, retryAfter: { $0.header("Retry-After") }) { try await base.send($0) }
    }

    /// The same retries around a streamed request: a retried attempt's body is dropped unread.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamedResponse {
        try await retrying(request, status: \.status, retryAfter: { $0.header("Retry-After") }) { try await base.stream($0) }
    }

    /// Calls `call` until it answers with a status not worth retrying, or the policy gives up.
    private func retrying<Answer>(
        _ request: HTTPRequest, status: (Answer) -> Int, retryAfter: (Answer) -> String?,
        _ call: (HTTPRequest) async throws -> Answer
    ) async throws -> Answer {
        let start = ContinuousClock.now
        var attempt = 1
        while true {
            let outcome: Result<Answer, any Error>
            do {
                outcome = .success(try await call(request))
            } catch {
                outcome = .failure(error)
            }
            let reason: String
            var retryAfterSeconds: Double?
            switch outcome {
            case .success(let response) where RetryPolicy.isRetryable(status: status(response)):
                reason = "HTTP \(status(response))"
                retryAfterSeconds = retryAfter(response).flatMap(Double.init)
            case .failure(let error as HTTPTransportError):
                reason = error.message
            default:
                return try outcome.get()
            }
            // A cancelled run (its deadline passed) makes no further attempt.
            if Task.isCancelled { return try outcome.get() }
            let spent = (ContinuousClock.now - start).components
            let elapsed = Double(spent.seconds) + Double(spent.attoseconds) / 1e18
            // The next attempt must be able to finish (wait + its timeout) inside the budget.
            guard let wait = policy.delay(
                afterAttempt: attempt, elapsed: elapsed + request.timeout, retryAfter: retryAfterSeconds, unitRandom: random())
            else {
                logger.warning("\(request.method) \(URLSessionTransport.hostDescription(request.url)): \(reason); giving up after \(attempt) attempt\(attempt == 1 ? "" : "s")")
                return try outcome.get()
            }
            logger.info("\(request.method) \(URLSessionTransport.hostDescription(request.url)): \(reason); retrying in \(String(format: "%.2f", wait)) s (attempt \(attempt + 1) of \(policy.maxAttempts))")
            try await sleep(wait)
            attempt += 1
        }
    }
}
