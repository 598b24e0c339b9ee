import Foundation
import ReportKit

/// One command line from start to finish: the registry picks the command, its specs read the
/// arguments, the command runs, and the outcome (or the error, through ``ErrorReport``) is
/// printed.
enum ReportCLI {
    static let version = "0.1.0"

    /// Runs `arguments` (without the program name), prints the outcome on standard output or
    /// the error on standard error, and returns the exit code.
    static func run(_ arguments: [String], context: CommandContext) async -> Int32 {
        do {
            let outcome = try await outcome(arguments, context: context)
            if let document = outcome.document { try writeStandardOutput(document) }
            if let text = outcome.text { try writeStandardOutput(text.hasSuffix("\n") ? text : text + "\n") }
            return outcome.status.code
        } catch {
            let (message, code) = ErrorReport.describe(error)
            // Nowhere to report a standard error that cannot be written: the exit code says it.
            try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
            return code
        }
    }

    /// Writes `text` on standard output (descriptor 1, unbuffered) and checks it got there:
    /// a full disk (`/dev/full`) or a closed pipe is a failure of the outside world (exit 3),
    /// not a run that exits 0 having printed nothing.
    static func writeStandardOutput(_ text: String) throws(StandardOutputError) {
        var text = text
        if let failure = text.withUTF8({ writeAll($0) }) { throw StandardOutputError(reason: String(cString: strerror(failure))) }
    }

    /// Writes `document` as canonical JSON and a line break on standard output, in chunks as
    /// it is produced (a 23 MB slips payload is never held as one text), checked as text is.
    static func writeStandardOutput(_ document: any CanonicalJSONDocument) throws {
        var stream = CanonicalJSONStream { chunk in
            if let failure = writeAll(chunk) { throw StandardOutputError(reason: String(cString: strerror(failure))) }
        }
        try document.write(to: &stream)
        try stream.finish()
        try writeStandardOutput("\n")
    }

    /// Writes `buffer` whole on descriptor 1; the `errno` of a failure.
    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return written < 0 ? errno : EIO }
            offset += written
        }
        return nil
    }

    /// What `arguments` lead to, without printing: help, the version, or a command's outcome.
    static func outcome(_ arguments: [String], context: CommandContext) async throws -> CommandOutcome {
        let registry = context.registry
        guard let first = arguments.first, first != "--help", first != "-h" else {
            return .text(HelpText.root(registry))
        }
        if first == "--version" { return .text("reportcli \(version)") }
        if first.hasPrefix("-") {
            throw UsageError(command: "", "unknown option '\(Arguments.split(first).name)'" + Suggestion.clause(for: first, in: ["--help", "--version"]))
        }
        let resolution = try registry.resolve(arguments)
        let command = resolution.command
        guard command.subcommands.isEmpty else {
            if resolution.rest.contains(where: { $0 == "--help" || $0 == "-h" }) {
                return .text(HelpText.command(command, path: resolution.path))
            }
            return try await command.run(OptionValues(command: resolution.path), context: context)
        }
        switch try Arguments.parse(resolution.rest, specs: command.options, command: resolution.path, environment: context.environment) {
        case .help: return .text(HelpText.command(command, path: resolution.path))
        case .values(let values): return try await command.run(values, context: context)
        }
    }

    /// A command's outcome from a JSON event (and the environment), as a loop serving events
    /// runs it: `handler` is the command's words (`slips`, `pipeline run`).
    static func outcome(handler: String, event: JSONValue, context: CommandContext) async throws -> CommandOutcome {
        let resolution = try context.registry.command(at: handler.split(separator: " ").map(String.init))
        guard resolution.command.subcommands.isEmpty else {
            return try await resolution.command.run(OptionValues(command: resolution.path, mode: .event), context: context)
        }
        let values = try resolution.command.values(fromEvent: event, path: resolution.path, environment: context.environment)
        return try await resolution.command.run(values, context: context)
    }
}

/// What a command printed did not reach standard output (exit 3).
struct StandardOutputError: Error, CategorizedError, CustomStringConvertible {
    var reason: String
    var category: ErrorCategory { .outsideSystem }
    var description: String { "cannot write the output to standard output: \(reason)" }
}
