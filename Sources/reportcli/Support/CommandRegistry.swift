/// The commands `reportcli` knows, in one list: dispatch, the command list in
/// `reportcli --help`, `help NAME` and "unknown command" all read it.
struct CommandRegistry: Sendable {
    let commands: [any Command]

    init(_ commands: [any Command]) {
        self.commands = commands
    }

    /// Where a command line leads: the command, its words and the arguments after them.
    struct Resolution: Sendable {
        let command: any Command
        /// `slips`, `pipeline run`.
        let path: String
        /// The arguments that are the command's own.
        let rest: [String]
    }

    /// Follows `arguments` (the command's name first) down through subcommands. A group's
    /// subcommand is the first bare word that is not the value of one of its subcommands'
    /// options (`pipeline --store DIR run`); a group with none stays the resolution.
    func resolve(_ arguments: [String]) throws(UsageError) -> Resolution {
        guard let name = arguments.first else { throw UsageError(command: "", "no command given") }
        var command = try Self.find(name, in: commands, parent: "")
        var path = name
        var rest = Array(arguments.dropFirst())
        while !command.subcommands.isEmpty {
            let valueOptions = Set(Self.descendants(of: command).flatMap(\.options).filter { $0.kind == .value || $0.kind == .repeatable }.map(\.display))
            guard let index = Arguments.firstWord(in: rest, valueOptions: valueOptions) else { break }
            command = try Self.find(rest[index], in: command.subcommands, parent: path)
            path += " " + rest[index]
            rest.remove(at: index)
        }
        return Resolution(command: command, path: path, rest: rest)
    }

    /// The command that `words` name exactly (`["pipeline", "run"]`), for `help NAME`.
    func command(at words: [String]) throws(UsageError) -> Resolution {
        guard let first = words.first else { throw UsageError(command: "help", "no command named") }
        var command = try Self.find(first, in: commands, parent: "")
        var path = first
        for word in words.dropFirst() {
            command = try Self.find(word, in: command.subcommands, parent: path)
            path += " " + word
        }
        return Resolution(command: command, path: path, rest: [])
    }

    private static func find(_ name: String, in commands: [any Command], parent: String) throws(UsageError) -> any Command {
        if let command = commands.first(where: { $0.name == name }) { return command }
        let names = commands.map(\.name)
        let kind = parent.isEmpty ? "command" : "subcommand of \(parent)"
        let list = names.isEmpty ? "'\(parent)' has no subcommands" : (parent.isEmpty ? "commands" : "subcommands") + ": " + names.joined(separator: ", ")
        throw UsageError(command: parent, "unknown \(kind) '\(name)'\(Suggestion.clause(for: name, in: names)); \(list)")
    }

    /// Every command under `command`, at any depth.
    static func descendants(of command: any Command) -> [any Command] {
        command.subcommands.flatMap { [$0] + descendants(of: $0) }
    }

    /// Every runnable command and its words, depth first (for tests and the Lambda handler list).
    var runnable: [(path: String, command: any Command)] {
        func walk(_ command: any Command, _ path: String) -> [(path: String, command: any Command)] {
            command.subcommands.isEmpty ? [(path, command)] : command.subcommands.flatMap { walk($0, path + " " + $0.name) }
        }
        return commands.flatMap { walk($0, $0.name) }
    }
}
