import ReportKit

/// The command line (or the event) is wrong: exit 2, with a pointer to the help.
///
/// The message names what is wrong first, the way it was given: `--db is required …`,
/// `event key 'horizon-hours' needs a whole number …`, `$TIME_HORIZON needs …`.
struct UsageError: Error, CategorizedError, CustomStringConvertible, Equatable {
    /// The command's words (`slips`, `pipeline run`); empty for `reportcli` itself.
    let command: String
    let message: String

    init(command: String, _ message: String) {
        self.command = command
        self.message = message
    }

    var category: ErrorCategory { .badInput }
    var description: String {
        "\(message)\n(run 'reportcli \(command.isEmpty ? "" : command + " ")--help' for usage)"
    }
}
