/// `reportcli help [COMMAND [SUBCOMMAND]]`: the help of a command from the registry, or the
/// command list. Naming no command that exists is a usage error.
struct HelpCommand: Command {
    let name = "help"
    let summary = "show a command's help, or the list of commands"
    let discussion = "Shows the help of the named command (the same as its --help), or the list of commands when none is named."

    static let command = OptionSpec.positional("command", "COMMAND", help: "the command to describe")
    static let subcommand = OptionSpec.positional("subcommand", "SUBCOMMAND", help: "a subcommand of it, such as run under pipeline")

    let options = [command, subcommand]
    let examples = ["reportcli help slips", "reportcli help pipeline run"]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let words = [Self.command, Self.subcommand].compactMap { values.value($0) }
        guard !words.isEmpty else { return .text(HelpText.root(context.registry)) }
        do {
            let resolution = try context.registry.command(at: words)
            return .text(HelpText.command(resolution.command, path: resolution.path))
        } catch {
            throw UsageError(command: "help", error.message)
        }
    }
}
