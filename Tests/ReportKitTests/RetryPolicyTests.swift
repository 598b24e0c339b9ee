import ReportKit
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 8, budget: 25)

    @Test func backoffDoublesUnderFullJitter() {
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, unitRandom: 0.999_999)! <= 0.5)
        #expect(policy.delay(afterAttempt: 2, elapsed: 0, unitRandom: 0.5) == 0.5)
        #expect(policy.delay(afterAttempt: 3, elapsed: 0, unitRandom: 0.5) == 1.0)
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, unitRandom: 0) == 0)
    }

    @Test func givesUpAfterTheLastAttempt() {
        #expect(policy.delay(afterAttempt: 4, elapsed: 0, unitRandom: 0.5) == nil)
    }

    @Test func waitsNeverExceedTheCeiling() {
        let long = RetryPolicy(maxAttempts: 20, baseDelay: 1, maxDelay: 3, budget: 1000)
        #expect(long.delay(afterAttempt: 15, elapsed: 0, unitRandom: 0.999) ?? 0 < 3)
    }

    @Test func budgetStopsRetries() {
        #expect(policy.delay(afterAttempt: 2, elapsed: 24.8, unitRandom: 0.9) == nil)
        #expect(policy.delay(afterAttempt: 2, elapsed: 24.8, unitRandom: 0.1) != nil)
    }

    @Test func retryAfterIsHonouredWithinTheCeiling() {
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 3, unitRandom: 0.1) == 3)
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 0.1, unitRandom: 0.5) == 0.25)
    }

    @Test("a Retry-After longer than the ceiling is waited in full, inside the budget; past it, give up")
    func retryAfterPastTheCeiling() {
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 12, unitRandom: 0.5) == 12)
        #expect(policy.delay(afterAttempt: 2, elapsed: 10, retryAfter: 15, unitRandom: 0.5) == 15)
        #expect(policy.delay(afterAttempt: 1, elapsed: 0, retryAfter: 60, unitRandom: 0.5) == nil)
        #expect(policy.delay(afterAttempt: 2, elapsed: 14, retryAfter: 12, unitRandom: 0.5) == nil)
    }

    @Test(arguments: [(429, true), (500, true), (503, true), (599, true), (400, false), (404, false), (200, false)])
    func retryableStatuses(status: Int, retryable: Bool) {
        #expect(RetryPolicy.isRetryable(status: status) == retryable)
    }
}
