import Foundation
import ReportKit

/// Writes log lines to standard error: `level: message`, one write per line so lines from
/// concurrent tasks never interleave.
public struct StandardErrorLogHandler: LogHandler {
    public init() {}

    public func write(_ level: LogLevel, _ message: String) {
        let line = "\(level): \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
