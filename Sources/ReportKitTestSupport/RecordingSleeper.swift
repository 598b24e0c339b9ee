import Foundation
import ReportKit

/// A ``Sleeper`` that returns at once and records each wait it was asked for.
public final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [Double] = []

    public init() {}

    public func sleep(seconds: Double) async throws {
        lock.withLock { asked.append(seconds) }
    }

    /// Every wait asked for, in order.
    public var waits: [Double] { lock.withLock { asked } }
}
