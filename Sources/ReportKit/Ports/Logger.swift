/// How much a log line matters. Ordered: `debug < info < warning < error`.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case debug, info, warning, error

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }
}

/// Where log lines go. The live handler writes to standard error; the test double records.
///
/// A conforming handler must write each line it is given once, whole, in call order; it
/// does no filtering of its own (``Logger`` filters by level and redacts secrets first).
public protocol LogHandler: Sendable {
    func write(_ level: LogLevel, _ message: String)
}

/// The logger cores and adapters are handed.
///
/// It drops lines below `minimumLevel`, and replaces every secret it was told about
/// (webhook URLs, AWS keys, tokens) with `***` before a line reaches the handler, so a
/// secret never appears in a log whatever code wrote the line.
public struct Logger: Sendable {
    public var handler: any LogHandler
    public var minimumLevel: LogLevel
    public private(set) var secrets: [String]

    public init(handler: any LogHandler, minimumLevel: LogLevel = .info, secrets: [String] = []) {
        self.handler = handler
        self.minimumLevel = minimumLevel
        self.secrets = []
        for secret in secrets { redacting(secret) }
    }

    /// A logger that drops everything.
    public static let silent = Logger(handler: SilentLogHandler(), minimumLevel: .error)

    /// Adds a secret to redact. Empty and very short strings are ignored (they would
    /// redact ordinary words).
    public mutating func redacting(_ secret: String) {
        guard secret.count >= 4, !secrets.contains(secret) else { return }
        secrets.append(secret)
        secrets.sort { $0.count > $1.count }  // longest first, so a secret containing another is fully hidden
    }

    /// `true` when a line at `level` would be written: guard expensive messages with it.
    public func isEnabled(_ level: LogLevel) -> Bool { level >= minimumLevel }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard isEnabled(level) else { return }
        handler.write(level, redact(message()))
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// `text` with every known secret replaced by `***`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }
}

struct SilentLogHandler: LogHandler {
    func write(_ level: LogLevel, _ message: String) {}
}
