import Foundation
import ReportKit

/// Log lines held in memory to be written later, in order: the lines of work done ahead of
/// its turn, so the log reads as if it ran in turn.
final class LogBuffer: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(level: LogLevel, message: String)] = []

    func write(_ level: LogLevel, _ message: String) {
        lock.withLock { lines.append((level, message)) }
    }

    /// Writes the held lines to `handler`, in the order they came, and forgets them.
    func replay(to handler: any LogHandler) {
        let held = lock.withLock {
            defer { lines = [] }
            return lines
        }
        for line in held { handler.write(line.level, line.message) }
    }
}
