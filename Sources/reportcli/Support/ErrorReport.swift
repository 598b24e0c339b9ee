import ReportKit

/// The one place an error becomes a message on standard error and an exit code.
///
/// A ``CategorizedError`` prints as `reportcli: error: …` and exits with its category's
/// ``ExitStatus`` (2 bad input, 3 an outside system). An error nobody categorised is a bug in
/// reportcli, not a guess at an outside failure: it prints as
/// `reportcli: internal error (a bug; please report it): …` with the error's type and exits
/// with ``internalErrorCode`` (70, `EX_SOFTWARE` in `sysexits.h`).
enum ErrorReport {
    /// The exit code of an uncategorised error.
    static let internalErrorCode: Int32 = 70
    /// What exit 70 means, for help and the README.
    static let internalErrorMeaning = "internal error: a bug in reportcli (an error nobody categorised); please report it"

    /// The line(s) for standard error and the exit code. Control characters the error
    /// quotes from an input (an escape byte in a key or a path) are printed escaped
    /// (``TerminalText``), never sent to the terminal as they are.
    static func describe(_ error: any Error) -> (message: String, code: Int32) {
        if let categorized = error as? any CategorizedError {
            return (TerminalText.escaped("reportcli: error: \(error)"), categorized.category.exitStatus.code)
        }
        return (TerminalText.escaped("reportcli: internal error (a bug; please report it): \(error) [\(String(reflecting: type(of: error)))]"), internalErrorCode)
    }
}
