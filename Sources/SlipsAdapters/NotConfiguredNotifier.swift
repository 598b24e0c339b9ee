import ReportKit
import SlipsCore

/// The notifier of a dry run, which never sends: using it is a usage error.
public struct NotConfiguredNotifier: SlipsNotifier {
    public init() {}

    public func send(_ notification: SlipsNotification) async throws {
        throw NotifierNotConfigured(hint: "a dry run does not send")
    }
}

/// No notification URL was given for a run that sends.
///
/// The adapter does not know how the URL is given; the caller passes that as `hint`
/// (a command line names its option and variable).
public struct NotifierNotConfigured: Error, Sendable, CategorizedError, CustomStringConvertible {
    /// How to give the URL, said to whoever runs the program.
    public var hint: String?

    public init(hint: String? = nil) {
        self.hint = hint
    }

    public var category: ErrorCategory { .badInput }
    public var description: String {
        "no notification service URL is configured" + (hint.map { ": \($0)" } ?? "")
    }
}
