import QualityCore
import ReportAdapters
import ReportKit

/// `reportcli reports check`: reads a reports file, checks it without running anything, and
/// prints the reports with their folders, sources and request metadata.
///
/// Exit 0 when the file is good, warnings or not (they go to standard error and into the
/// listing); exit 2 with every located problem when it is not.
struct ReportsCheckCommand: Command {
    let name = "check"
    let summary = "check a reports file and list its reports, without running them"
    let discussion = """
        Reads the reports file (YAML, or JSON for a .json file), checks every report's name \
        (it becomes the report's folder: spaces as _, other unsafe characters refused), kind, \
        tables and sources, and request metadata, and prints the reports as JSON. Problems are \
        printed as FILE:LINE:COL: error: registry: FIELD: PROBLEM, all of them, with exit 2. \
        A report without request metadata, or whose request source says production: true, \
        gets a warning (on standard error and in the listing) and the exit stays 0.
        """

    static let reports = OptionSpec.value("reports", "FILE", help: "the reports file; paths in it are relative to its folder", required: true)

    let options = [reports]
    let examples = ["reportcli reports check --reports Fixtures/quality/reports.yaml"]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let path = try values.required(Self.reports)
        let bytes = try AtomicFile.readBytes(path)
        let registry = try ReportRegistry.parse(bytes, file: path, base: Self.folder(of: path))
        let logger = Logger(handler: StandardErrorLogHandler())
        for warning in registry.warnings {
            logger.warning("\(path):\(warning.location): registry: \(warning.field): \(warning.message)")
        }
        return CommandOutcome(output: RegistryListing(registry).json)
    }

    /// The folder part of `path` (`.` for a bare file name), as written.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
