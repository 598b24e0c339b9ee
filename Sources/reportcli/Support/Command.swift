import ReportKit

/// A `reportcli` command: its name, its help, what it accepts, and what it does.
///
/// A command turns its ``OptionValues`` into the core's options, calls the core and returns a
/// ``CommandOutcome``. It never prints and never exits: the caller (the one-shot process in
/// `main.swift`, or a loop serving events) decides what happens to the outcome, and
/// ``ErrorReport`` turns a thrown error into its message and exit code.
///
/// A command with ``subcommands`` is a group (`pipeline`): its words lead to one of them, and
/// it is not run itself.
protocol Command: Sendable {
    /// The word that names it: `slips`, or `run` under `pipeline`.
    var name: String { get }
    /// One line for the command list (lower case, no full stop).
    var summary: String { get }
    /// What it does, in paragraphs, for its help after the usage line.
    var discussion: String { get }
    /// Everything it accepts, in the order help shows them.
    var options: [OptionSpec] { get }
    /// Whole command lines that show it in use, for the EXAMPLES block.
    var examples: [String] { get }
    /// Further help blocks after OPTIONS (for example the pipeline functions).
    var notes: [HelpSection] { get }
    /// Commands under this one; empty for a command that runs.
    var subcommands: [any Command] { get }

    /// The values of a run that an event starts instead of a command line. By default the
    /// event's keys and the `REPORTKIT_*` variables, read as ``options`` (``EventInput``); a
    /// command whose event has a shape of its own reads it here instead.
    func values(fromEvent event: JSONValue, path: String, environment: Environment) throws(UsageError) -> OptionValues

    /// Runs once with `values` (already checked against ``options``).
    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome
}

extension Command {
    var options: [OptionSpec] { [] }
    var examples: [String] { [] }
    var notes: [HelpSection] { [] }
    var subcommands: [any Command] { [] }

    func values(fromEvent event: JSONValue, path: String, environment: Environment) throws(UsageError) -> OptionValues {
        try EventInput.values(event, specs: options, command: path, environment: environment)
    }

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let names = subcommands.map(\.name).joined(separator: ", ")
        throw UsageError(command: values.command, "'\(values.command)' needs a subcommand: \(names)")
    }
}

/// A titled block of help text: `FUNCTIONS:` and its lines.
struct HelpSection: Sendable, Hashable {
    let title: String
    let text: String
}

/// What a command returns: the JSON for standard output (or, for help, text for a person)
/// and the exit status.
struct CommandOutcome: Sendable, Hashable {
    /// Machine-readable output, printed as canonical JSON; `nil` prints nothing. A command's
    /// ``document`` is built into a value only when this is asked for.
    var output: JSONValue? {
        get { document?.json }
        set { document = newValue.map(PrintedValue.init) }
    }
    /// The output as printed: streamed, so a big one is never held whole as text.
    var document: (any CanonicalJSONDocument)?
    var status: ExitStatus
    /// Text for a person (help), printed as it is, after any output.
    var text: String?

    init(output: JSONValue?, status: ExitStatus = .success, text: String? = nil) {
        self.document = output.map(PrintedValue.init)
        self.status = status
        self.text = text
    }

    /// An outcome printing `document` (a big output written as it is produced).
    init(document: any CanonicalJSONDocument, status: ExitStatus = .success) {
        self.document = document
        self.status = status
    }

    static func == (lhs: CommandOutcome, rhs: CommandOutcome) -> Bool {
        lhs.output == rhs.output && lhs.status == rhs.status && lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(output)
        hasher.combine(status)
        hasher.combine(text)
    }

    /// Help or other text, exit 0.
    static func text(_ text: String) -> CommandOutcome {
        CommandOutcome(output: nil, status: .success, text: text)
    }
}

/// What a run may use beyond its options: the registry (for help), the environment, and
/// the caller's lifetime policy.
struct CommandContext: Sendable {
    var registry: CommandRegistry
    var environment: Environment
    /// Receives values the command would otherwise tear down at its end (a million-record
    /// table). A one-shot process keeps them until it exits, which skips the teardown; a loop
    /// serving many runs passes ``CommandContext/dropAtEnd``, so nothing stays for the next run.
    var keepUntilExit: @Sendable (any Sendable) -> Void

    init(registry: CommandRegistry, environment: Environment, keepUntilExit: @escaping @Sendable (any Sendable) -> Void = dropAtEnd) {
        self.registry = registry
        self.environment = environment
        self.keepUntilExit = keepUntilExit
    }

    /// Keeps nothing: values are torn down when the run ends.
    static let dropAtEnd: @Sendable (any Sendable) -> Void = { _ in }
}

/// A value printed as it is: a command's output when it is small.
private struct PrintedValue: CanonicalJSONDocument {
    let json: JSONValue

    init(_ json: JSONValue) { self.json = json }

    func write(to stream: inout CanonicalJSONStream) throws { try stream.value(json) }
}
