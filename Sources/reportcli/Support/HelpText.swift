import ReportKit

/// Help rendered from the registry: `reportcli --help`, a group's help and a command's, with
/// the OPTIONS block made from the same ``OptionSpec``s parsing uses.
enum HelpText {
    /// Text is wrapped to this many columns.
    static let width = 96
    /// Where an option's help starts in the OPTIONS block.
    static let helpColumn = 22

    /// `reportcli --help`: every command from the registry.
    static func root(_ registry: CommandRegistry) -> String {
        var rows: [(String, String)] = []
        for command in registry.commands {
            if command.subcommands.isEmpty {
                rows.append((command.name, command.summary))
            } else {
                for sub in command.subcommands { rows.append(("\(command.name) \(sub.name)", sub.summary)) }
            }
        }
        let nameWidth = (rows.map(\.0.count).max() ?? 0) + 2
        var text = "reportcli: run the scheduled data reports of ReportKit.\n\n"
        text += "USAGE: reportcli <command> [options]\n\nCOMMANDS:\n"
        for (name, summary) in rows {
            text += wrap(summary, first: "  " + name.padding(toLength: nameWidth), indent: 2 + nameWidth) + "\n"
        }
        text += "\nOPTIONS:\n"
        text += option("--version", "print the version") + option("-h, --help", "show this help")
        text += "\n" + wrap("Run 'reportcli help <command>' for a command's options. Machine-readable output goes to standard output as JSON; logs and progress go to standard error.") + "\n"
        text += "\n" + exitCodes
        return text
    }

    /// A command's or a group's help; `path` is its words (`pipeline run`).
    static func command(_ command: any Command, path: String) -> String {
        var text = "reportcli \(path): \(command.summary).\n\n"
        if command.subcommands.isEmpty {
            text += fill(usage(command, path: path), first: "USAGE: ", indent: 18 + path.count) + "\n"
        } else {
            text += "USAGE: reportcli \(path) <subcommand> [options]\n"
        }
        if !command.discussion.isEmpty { text += "\n" + paragraphs(command.discussion) + "\n" }
        if command.subcommands.isEmpty {
            text += "\nOPTIONS:\n"
            for spec in command.options { text += option(spec.synopsis, describe(spec)) }
            text += option("-h, --help", "show this help")
        } else {
            text += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands {
                text += option(sub.name, sub.summary)
                text += fill(usage(sub, path: "\(path) \(sub.name)"), first: String(repeating: " ", count: helpColumn), indent: helpColumn + 4) + "\n"
            }
            text += "\n" + wrap("Run 'reportcli help \(path) <subcommand>' for a subcommand's options.") + "\n"
        }
        for note in command.notes { text += "\n" + wrap(note.text, first: note.title + ": ", indent: 2) + "\n" }
        if !command.examples.isEmpty {
            text += "\nEXAMPLES:\n" + command.examples.map { "  " + $0 + "\n" }.joined()
        }
        return text + "\n" + exitCodes
    }

    /// The synopsis items of `reportcli slips --db PATH|dynamodb://TABLE [--now ISO-8601] …`:
    /// required ones first, each item whole.
    static func usage(_ command: any Command, path: String) -> [String] {
        let required = command.options.filter(\.isRequired).map(\.synopsis)
        let optional = command.options.filter { !$0.isRequired }.map { "[\($0.synopsis)]" }
        return ["reportcli", path] + required + optional
    }

    /// The help of `spec` with its default and variable: `… (default 336, or $TIME_HORIZON)`.
    static func describe(_ spec: OptionSpec) -> String {
        var parts: [String] = []
        if let defaultText = spec.defaultText { parts.append("default \(defaultText)") }
        if let variable = spec.environment { parts.append(parts.isEmpty ? "default $\(variable)" : "or $\(variable)") }
        if spec.kind == .repeatable { parts.append("repeatable") }
        return parts.isEmpty ? spec.help : "\(spec.help) (\(parts.joined(separator: ", ")))"
    }

    /// The EXIT CODES block, from ``ExitStatus`` and ``ErrorReport``.
    static var exitCodes: String {
        var text = "EXIT CODES:\n"
        for status in ExitStatus.allCases { text += wrap(status.meaning, first: "  \(status.code)".padding(toLength: 6), indent: 6) + "\n" }
        text += wrap(ErrorReport.internalErrorMeaning, first: "  \(ErrorReport.internalErrorCode)".padding(toLength: 6), indent: 6) + "\n"
        return text
    }

    /// One row of an OPTIONS block: the name, then its help from ``helpColumn``, on the next
    /// line when the name is too long.
    static func option(_ name: String, _ help: String) -> String {
        let lead = "  " + name
        if lead.count <= helpColumn - 2 {
            return wrap(help, first: lead.padding(toLength: helpColumn), indent: helpColumn) + "\n"
        }
        return lead + "\n" + wrap(help, first: String(repeating: " ", count: helpColumn), indent: helpColumn) + "\n"
    }

    /// Paragraphs (separated by blank lines) each wrapped to ``width``.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { wrap($0) }.joined(separator: "\n\n")
    }

    /// `text`'s words filled into lines of at most ``width`` columns: the first after
    /// `first`, the others after `indent` spaces. A word longer than a line stays whole.
    static func wrap(_ text: String, first: String = "", indent: Int = 0) -> String {
        fill(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init), first: first, indent: indent)
    }

    /// `items` (words, or whole synopsis items like `[--now ISO-8601]`, never split) filled
    /// into lines as ``wrap(_:first:indent:)`` does.
    static func fill(_ items: [String], first: String, indent: Int) -> String {
        var lines: [String] = []
        var line = first
        var lineHasItem = false
        for item in items {
            if lineHasItem, line.count + 1 + item.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasItem = false
            }
            line += (lineHasItem ? " " : "") + item
            lineHasItem = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string with spaces added up to `length` characters (never cut).
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
