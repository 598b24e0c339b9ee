import ReportKit

/// The command line after the command name: flags (`--dryrun`), options (`--db PATH` or
/// `--db=PATH`) and nothing else. Each accessor consumes what it reads; ``finish()`` rejects
/// whatever is left, so a typo is an error instead of being ignored.
struct Arguments {
    private var remaining: [String]
    let command: String

    init(command: String, _ arguments: [String]) {
        self.command = command
        remaining = arguments
    }

    /// `true` when `name` is present (once or more).
    mutating func flag(_ name: String) -> Bool {
        let before = remaining.count
        remaining.removeAll { $0 == name }
        return remaining.count != before
    }

    /// The value of option `name`, or `nil` when absent.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        var value: String?
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == name {
                guard index + 1 < remaining.count, !remaining[index + 1].hasPrefix("--") else {
                    throw UsageError(command: command, "\(name) needs a value")
                }
                value = remaining[index + 1]
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                value = String(argument.dropFirst(name.count + 1))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return value
    }

    /// The value of option `name` as a whole number, or `nil` when absent.
    mutating func integer(_ name: String) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text) else {
            throw UsageError(command: command, "\(name) needs a whole number, got '\(text)'")
        }
        return value
    }

    /// The next argument that is not an option (a subcommand), consumed.
    mutating func positional() -> String? {
        guard let index = remaining.firstIndex(where: { !$0.hasPrefix("-") }) else { return nil }
        return remaining.remove(at: index)
    }

    /// Fails on any argument nobody asked for.
    func finish() throws(UsageError) {
        guard let first = remaining.first else { return }
        let kind = first.hasPrefix("-") ? "unknown option" : "unexpected argument"
        throw UsageError(command: command, "\(kind) '\(first)'")
    }
}

/// The command line is wrong: exit 2, with a pointer to the help.
struct UsageError: Error, CategorizedError, CustomStringConvertible {
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
