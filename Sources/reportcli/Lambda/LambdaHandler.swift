import ReportKit

/// The command a Lambda function runs for every invocation: `_HANDLER` (or `--handler`) names
/// it by its words (`slips`, `pipeline run`, `pipeline.run`); a group stands for its `run`
/// subcommand (`pipeline` is `pipeline run`).
struct LambdaHandler: Sendable {
    /// The command's words: `pipeline run`.
    let path: String
    let command: any Command

    init(_ name: String, registry: CommandRegistry) throws(UsageError) {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
        guard !words.isEmpty else { throw UsageError(command: "lambda", "the handler is empty: set _HANDLER or pass --handler to a command's name") }
        guard words.first != "lambda", words.first != "help" else {
            throw UsageError(command: "lambda", "the handler '\(name)' is not a command a Lambda function can run")
        }
        var resolution = try registry.command(at: words)
        if !resolution.command.subcommands.isEmpty {
            guard resolution.command.subcommands.contains(where: { $0.name == "run" }) else {
                let names = resolution.command.subcommands.map(\.name).joined(separator: ", ")
                throw UsageError(command: "lambda", "the handler '\(name)' is a group: name one of its subcommands (\(names))")
            }
            resolution = try registry.command(at: words + ["run"])
        }
        path = resolution.path
        command = resolution.command
    }

    /// The handler names a Lambda function may use: every runnable command but these.
    static func names(in registry: CommandRegistry) -> [String] {
        registry.runnable.map(\.path).filter { !$0.hasPrefix("lambda") && !$0.hasPrefix("help") }
    }
}
