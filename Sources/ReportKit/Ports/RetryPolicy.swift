import Foundation

/// When and how long to wait before trying an outside call again: bounded exponential
/// backoff with full jitter, inside an overall time budget.
///
/// Pure: the random source is a parameter, so tests get exact delays.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (at least 1).
    public var maxAttempts: Int
    /// The backoff ceiling for the first retry, in seconds; it doubles per retry.
    public var baseDelay: Double
    /// No backoff wait is longer than this, in seconds (a server's `Retry-After` may be).
    public var maxDelay: Double
    /// Retries stop when the next wait would end after this many seconds from the start.
    public var budget: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 8, budget: Double = 25) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.budget = budget
    }

    /// The default for outside calls: 4 attempts, at most about 25 s in all.
    public static let standard = RetryPolicy()

    /// The wait before attempt `attempt + 1` (attempt counts from 1), or `nil` to give up.
    ///
    /// - Parameters:
    ///   - elapsed: seconds since the first attempt started.
    ///   - retryAfter: a server's `Retry-After` in seconds: the wait is at least that, even past
    ///     `maxDelay` (the server said when); if that wait would end past the budget, give up.
    ///   - unitRandom: a number in `[0, 1)`; the wait is that fraction of the backoff ceiling.
    public func delay(afterAttempt attempt: Int, elapsed: Double, retryAfter: Double? = nil, unitRandom: Double) -> Double? {
        guard attempt < maxAttempts else { return nil }
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        var wait = ceiling * min(max(unitRandom, 0), 1)
        if let retryAfter, retryAfter >= 0, retryAfter.isFinite { wait = max(wait, retryAfter) }
        guard elapsed + wait <= budget else { return nil }
        return wait
    }

    /// `true` for the statuses worth retrying: 429 and 5xx.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }
}
