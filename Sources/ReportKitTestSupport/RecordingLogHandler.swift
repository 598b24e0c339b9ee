import Foundation
import ReportKit

/// A log handler that keeps every line, for tests that check what was logged.
public final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(level: LogLevel, message: String)] = []

    public init() {}

    public func write(_ level: LogLevel, _ message: String) {
        lock.withLock { stored.append((level, message)) }
    }

    /// Every line so far, in order.
    public var lines: [(level: LogLevel, message: String)] { lock.withLock { stored } }

    /// The messages logged at `level`.
    public func messages(at level: LogLevel) -> [String] {
        lines.filter { $0.level == level }.map(\.message)
    }

    /// A logger writing here, at `level` and above.
    public func logger(_ level: LogLevel = .debug, secrets: [String] = []) -> Logger {
        Logger(handler: self, minimumLevel: level, secrets: secrets)
    }
}
