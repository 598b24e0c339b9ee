import ReportKit
import Testing
@testable import reportcli

/// The one mapping from errors to messages and exit codes.
@Suite("Error report")
struct ErrorReportTests {
    struct Uncategorised: Error, CustomStringConvertible {
        var description: String { "the table had a shape nobody expected" }
    }

    struct Throws: Command {
        let name = "throws"
        let summary = "throws an error nobody categorised"
        let discussion = ""
        func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome { throw Uncategorised() }
    }

    struct FindsFailures: Command {
        let name = "finds"
        let summary = "completes and reports failures"
        let discussion = ""
        func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
            CommandOutcome(output: ["failed": 2], status: .completedWithFailures)
        }
    }

    @Test("an error nobody categorised is a bug: says so, exit 70")
    func uncategorised() async {
        let context = CommandContext(registry: CommandRegistry([Throws()]), environment: Environment([:]))
        do {
            _ = try await ReportCLI.outcome(["throws"], context: context)
            Issue.record("no error")
        } catch {
            let (message, code) = ErrorReport.describe(error)
            #expect(code == 70)
            #expect(message == "reportcli: internal error (a bug; please report it): the table had a shape nobody expected [reportcliTests.ErrorReportTests.Uncategorised]")
        }
        #expect(await ReportCLI.run(["throws"], context: context) == 70)
    }

    @Test("categorised errors print as errors with their category's status", arguments: [
        (ErrorCategory.badInput, Int32(2)), (.outsideSystem, 3),
    ])
    func categorised(category: ErrorCategory, code: Int32) {
        struct Failure: CategorizedError, CustomStringConvertible {
            let category: ErrorCategory
            var description: String { "the store said no" }
        }
        let (message, status) = ErrorReport.describe(Failure(category: category))
        #expect(message == "reportcli: error: the store said no")
        #expect(status == code)
    }

    @Test("a command returns status 1 without throwing, with its output")
    func completedWithFailures() async throws {
        let context = CommandContext(registry: CommandRegistry([FindsFailures()]), environment: Environment([:]))
        let outcome = try await ReportCLI.outcome(["finds"], context: context)
        #expect(outcome == CommandOutcome(output: ["failed": 2], status: .completedWithFailures))
        #expect(await ReportCLI.run(["finds"], context: context) == 1)
    }

    @Test("the exit codes block lists 0-3 and 70")
    func exitCodes() {
        for code in ["  0 ", "  1 ", "  2 ", "  3 ", "  70"] { #expect(HelpText.exitCodes.contains(code)) }
    }
}
