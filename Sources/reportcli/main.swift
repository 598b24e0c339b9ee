import Foundation
import ReportKit

// reportcli: parse arguments, build adapters, call a core, map errors to exit codes.
let status = await ReportCLI.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
