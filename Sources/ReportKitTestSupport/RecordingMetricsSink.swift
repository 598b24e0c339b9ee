import Foundation
import ReportKit

/// A metrics sink that keeps every batch; it can be told to fail.
public final class RecordingMetricsSink: MetricsSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [MetricBatch] = []
    private let failure: (any Error)?

    /// A sink that records; with `failing`, it records nothing and throws that error.
    public init(failing failure: (any Error)? = nil) {
        self.failure = failure
    }

    public func publish(_ batch: MetricBatch) async throws {
        if let failure { throw failure }
        lock.withLock { stored.append(batch) }
    }

    /// Every batch published so far.
    public var batches: [MetricBatch] { lock.withLock { stored } }
}
