import Foundation
import ReportKit

/// Writes log lines to standard error: `level: message`, one write per line so lines from
/// concurrent tasks never interleave. Control characters in a message (item names and
/// values come from files we did not write) are printed escaped, as `\u{1b}`.
public struct StandardErrorLogHandler: LogHandler {
    public init() {}

    public func write(_ level: LogLevel, _ message: String) {
        let line = "\(level): \(TerminalText.escaped(message))\n"
        // A log line that cannot be written (stderr full or closed) is dropped, not a trap:
        // `FileHandle.write(_:)` would stop the process.
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }
}
