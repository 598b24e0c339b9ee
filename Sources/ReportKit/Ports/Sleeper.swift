/// Where a job waits: the pause between polite requests. Tests pass a double that records
/// the waits instead of taking them.
public protocol Sleeper: Sendable {
    /// Waits `seconds` (nothing for 0 or less); throws when the task is cancelled.
    func sleep(seconds: Double) async throws
}
