import ReportKit

/// A parsed SodaCL checks file: its `checks for DATASET:` blocks, in file order.
///
///     let file = try ChecksFile.parse(text: yaml, path: "checks/orders.yml", variables: ["MIN_ROWS": "12"])
///     let results = try await CheckRun.run(file, tables: ["orders": source], now: now)
///
/// Parsing substitutes `${VAR}` first (an unknown variable is an error), then reads the YAML
/// with ReportKit's YAML reader, so every error names `path:line:column`, the check's text and
/// what is wrong (``ChecksParser``). The subset and its rules are in the DocC article
/// <doc:SodaCLChecks>.
public struct ChecksFile: Sendable, Hashable {
    /// Where the file came from, as errors and results name it.
    public var path: String
    /// Every check, in file order (a dataset may have several blocks).
    public var checks: [Check]

    public init(path: String, checks: [Check]) {
        self.path = path
        self.checks = checks
    }

    /// Parses `text` (SodaCL YAML). `variables` fill `${NAME}` (threshold variables) and
    /// name the instants `freshness(c, NAME)` reads; `NOW` is the default instant of freshness.
    public static func parse(text: String, path: String, variables: [String: String] = [:]) throws(ParseError) -> ChecksFile {
        var parser = ChecksParser(text: text, path: path, variables: variables)
        return try parser.file()
    }

    /// The datasets the checks read: their own datasets and those they refer to, sorted.
    public var datasets: [String] {
        var names = Set<String>()
        for check in checks {
            names.insert(check.dataset)
            if let other = check.kind.otherDataset { names.insert(other) }
        }
        return names.sorted()
    }
}
