import ReportKit

/// Opens sessions to one server, retrying what may pass (no connection yet, the server
/// starting up or at its connection limit) with ``RetryPolicy``'s backoff; a wrong password,
/// certificate or database fails at once.
public struct PostgresConnector: Sendable {
    public var options: PostgresConnectionOptions
    public var credentials: PostgresCredentials
    public var retry: RetryPolicy

    public init(options: PostgresConnectionOptions, credentials: PostgresCredentials, retry: RetryPolicy = .standard) {
        self.options = options
        self.credentials = credentials
        self.retry = retry
    }

    /// An authenticated session, or the last attempt's error.
    func connect() async throws -> PostgresConnection {
        let start = ContinuousClock.now
        var attempt = 1
        while true {
            let failure: PostgresError
            do {
                return try PostgresConnection.open(options, credentials: credentials, deadline: .now.advanced(by: options.connectTimeout))
            } catch {
                failure = error
            }
            guard failure.isRetryable else { throw failure }
            let elapsed = start.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            guard let wait = retry.delay(afterAttempt: attempt, elapsed: seconds, unitRandom: Double.random(in: 0..<1)) else {
                if case .connectFailed(let why) = failure.reason {
                    throw PostgresError(.connectFailed("\(why) (\(attempt) attempt\(attempt == 1 ? "" : "s"))"))
                }
                throw failure
            }
            try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            attempt += 1
        }
    }
}
