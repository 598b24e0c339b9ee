import Foundation
import ReportKit
import ReportKitTestSupport
import Testing
@testable import reportcli

/// Help comes from the registry: pinned per command, and in step with parsing.
@Suite("Help from the registry")
struct HelpTests {
    static let registry = CommandRegistry.standard
    static let context = CommandContext(registry: registry, environment: Environment([:]))

    /// Every page of help and the golden file that pins it.
    static let pages: [(words: [String], golden: String)] = [
        ([], "cli/help/reportcli.txt"),
        (["slips"], "cli/help/slips.txt"),
        (["pipeline"], "cli/help/pipeline.txt"),
        (["pipeline", "run"], "cli/help/pipeline-run.txt"),
        (["reports"], "cli/help/reports.txt"),
        (["reports", "check"], "cli/help/reports-check.txt"),
        (["run"], "cli/help/run.txt"),
        (["profile"], "cli/help/profile.txt"),
        (["sync"], "cli/help/sync.txt"),
        (["lambda"], "cli/help/lambda.txt"),
        (["viewer"], "cli/help/viewer.txt"),
        (["check"], "cli/help/check.txt"),
        (["help"], "cli/help/help.txt"),
    ]

    static func text(_ words: [String]) throws -> String {
        guard !words.isEmpty else { return HelpText.root(registry) }
        let resolution = try registry.command(at: words)
        return HelpText.command(resolution.command, path: resolution.path)
    }

    @Test("each command's help is pinned (RECORD_GOLDENS=1 re-records)", arguments: pages.map(\.golden))
    func golden(_ golden: String) throws {
        let words = Self.pages.first { $0.golden == golden }!.words
        let mismatch = try GoldenFile.mismatch(try Self.text(words), golden: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("the binary prints the same help for 'help NAME' and 'NAME --help'", arguments: pages.map(\.golden))
    func binary(_ golden: String) throws {
        let words = Self.pages.first { $0.golden == golden }!.words
        let expected = try Self.text(words)
        for arguments in [["help"] + words, words + ["--help"]] {
            let run = try ReportCLIProcess.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(GoldenFile.difference(run.stdout, expected, name: arguments.joined(separator: " ")) == nil)
        }
    }

    @Test("every registered option is in its command's help and accepted by parsing; nothing else is")
    func optionsAgree() throws {
        for (path, command) in Self.registry.runnable {
            let help = try Self.text(path.split(separator: " ").map(String.init))
            let optionsBlock = try #require(help.components(separatedBy: "\nOPTIONS:\n").last?.components(separatedBy: "\n\n").first)
            // Every option line in the block names a registered spec (or --help).
            let shown = optionsBlock.split(separator: "\n").compactMap { line -> String? in
                let word = line.drop { $0 == " " }.prefix { $0 != " " && $0 != "," }
                return word.hasPrefix("-") || word.first?.isUppercase == true ? String(word) : nil
            }
            let registered = command.options.map(\.display) + ["-h"]
            #expect(Set(shown) == Set(registered), "\(path): shown \(shown), registered \(registered)")
            for spec in command.options {
                #expect(help.contains(spec.synopsis), "\(path): \(spec.synopsis) not in help")
                var tokens: [String]
                switch spec.kind {
                case .flag: tokens = [spec.display]
                case .value, .repeatable: tokens = [spec.display, "x"]
                case .positional:  // the ones before it first
                    let positionals = command.options.filter { $0.kind == .positional }
                    tokens = Array(repeating: "x", count: (positionals.firstIndex(of: spec) ?? 0) + 1)
                }
                tokens += command.options.filter { $0.isRequired && $0 != spec }.flatMap { $0.kind == .positional ? ["y"] : [$0.display, "y"] }
                let parsed = try Arguments.parse(tokens, specs: command.options, command: path, environment: Environment([:]))
                guard case .values(let values) = parsed else { Issue.record("\(path) \(tokens): help"); continue }
                #expect(values.isSet(spec), "\(path): \(tokens) did not set \(spec.name)")
            }
            #expect(throws: UsageError.self) {
                try Arguments.parse(["--not-an-option"], specs: command.options, command: path, environment: Environment([:]))
            }
        }
    }

    @Test("the command list names every registered command with its summary")
    func commandList() throws {
        let root = try Self.text([])
        for (path, command) in Self.registry.runnable {
            #expect(root.contains("  \(path) "), "\(path) missing")
            #expect(root.contains(command.summary))
        }
    }

    @Test("help for a command that does not exist is a usage error (exit 2)", arguments: [["help", "frobnicate"], ["help", "pipeline", "frobnicate"], ["frobnicate"], ["pipeline", "frobnicate"]])
    func unknown(arguments: [String]) async throws {
        await #expect(throws: UsageError.self) { try await ReportCLI.outcome(arguments, context: Self.context) }
        let run = try ReportCLIProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("reportcli: error: unknown "), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("unknown commands get a suggestion and the list")
    func suggestion() async throws {
        do {
            _ = try await ReportCLI.outcome(["slip", "--dryrun"], context: Self.context)
            Issue.record("no error")
        } catch let error as UsageError {
            #expect(error.message == "unknown command 'slip' (did you mean 'slips'?); commands: run, reports, check, profile, viewer, sync, slips, pipeline, lambda, help")
        }
    }

    @Test("a group's subcommand is found past its options' values")
    func subcommandPastValues() throws {
        let resolution = try Self.registry.resolve(["pipeline", "--store", "run", "run", "--event", "e.json"])
        #expect(resolution.path == "pipeline run")
        #expect(resolution.rest == ["--store", "run", "--event", "e.json"])
    }

    @Test("--version and no arguments")
    func version() async throws {
        #expect(try await ReportCLI.outcome(["--version"], context: Self.context).text == "reportcli \(ReportCLI.version)")
        #expect(try await ReportCLI.outcome([], context: Self.context).text == (try Self.text([])))
        let run = try ReportCLIProcess.run(["--version"])
        #expect(run.status == 0 && run.stdout == "reportcli \(ReportCLI.version)\n")
    }
}
