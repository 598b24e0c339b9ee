import Foundation
import ReportAdapters
import ReportKit

/// The command dispatcher and the one place errors become exit codes (see `Usage.exitCodes`).
enum ReportCLI {
    static let version = "0.1.0"

    static func run(_ arguments: [String]) async -> Int32 {
        var arguments = arguments
        let command = arguments.isEmpty ? "help" : arguments.removeFirst()
        do {
            switch command {
            case "slips":
                if arguments.contains("--help") || arguments.contains("-h") { return printHelp(Usage.slips) }
                return try await SlipsCommand.run(Arguments(command: "slips", arguments))
            case "pipeline":
                if arguments.contains("--help") || arguments.contains("-h") { return printHelp(Usage.pipeline) }
                return try await PipelineCommand.run(Arguments(command: "pipeline", arguments))
            case "help", "--help", "-h":
                return printHelp(Usage.topic(arguments.first) ?? Usage.main)
            case "--version", "version":
                print("reportcli \(version)")
                return 0
            default:
                throw UsageError(command: "", "unknown command '\(command)'; commands: slips, pipeline, help")
            }
        } catch {
            return report(error)
        }
    }

    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits, which skips tearing it down.
    static func keepUntilExit(_ value: Any) {
        kept.append(value)
    }

    static func printHelp(_ text: String) -> Int32 {
        print(text)
        return 0
    }

    /// Prints `reportcli: error: …` on standard error and returns the exit code:
    /// 2 for bad input, 3 for an outside failure.
    static func report(_ error: any Error) -> Int32 {
        let category = (error as? any CategorizedError)?.category ?? .outsideSystem
        FileHandle.standardError.write(Data("reportcli: error: \(error)\n".utf8))
        return category.exitCode
    }
}
