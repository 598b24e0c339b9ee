import Foundation

/// Waits for a task's result, or for a number of seconds, whichever comes first, without
/// waiting for a task that does not stop when cancelled.
enum DeadlineRace {
    /// The task's result, or `nil` when `seconds` passed first (the task is left running; the
    /// caller cancels it).
    static func result<Success: Sendable>(of task: Task<Success, any Error>, within seconds: Double) async -> Result<Success, any Error>? {
        let gate = Gate<Result<Success, any Error>?>()
        return await withCheckedContinuation { continuation in
            gate.arm(continuation)
            // A dispatch timer, not a sleeping task: it fires even when every thread of the
            // concurrency pool is busy with the run.
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) { gate.open(with: nil) }
            Task { gate.open(with: await task.result) }
        }
    }
}

/// Resumes a continuation once: the first value wins.
private final class Gate<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?

    func arm(_ continuation: CheckedContinuation<Value, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    func open(with value: Value) {
        let waiting: CheckedContinuation<Value, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
