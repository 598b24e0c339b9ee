/// What a report does, as a reports file names it in `kind:`.
///
/// The built-in kinds, and any name an embedder registered for a report written in Swift
/// (``custom(_:)``); the parser is told the custom names and refuses every other word.
public enum ReportKind: Sendable, Hashable, CustomStringConvertible {
    /// `table-summary`: per table, each column's numbers and value counts.
    case tableSummary
    /// `change-report`: the table summary compared with the most recent earlier run.
    case changeReport
    /// `sql`: one query's rows as CSV.
    case sql
    /// `checks`: a checks file run against named tables.
    case checks
    /// `requests`: a report on the registry itself (reports per stakeholder, source, month).
    case requests
    /// A report an embedder registered under this name.
    case custom(String)

    /// The built-in kinds, in the order messages list them.
    public static let builtIn: [ReportKind] = [.tableSummary, .changeReport, .sql, .checks, .requests]

    /// The word a reports file uses.
    public var name: String {
        switch self {
        case .tableSummary: return "table-summary"
        case .changeReport: return "change-report"
        case .sql: return "sql"
        case .checks: return "checks"
        case .requests: return "requests"
        case .custom(let name): return name
        }
    }

    public var description: String { name }

    /// The kind `word` names: a built-in kind, else one of `customKinds`, else `nil`.
    public init?(name word: String, customKinds: Set<String> = []) {
        if let builtIn = Self.builtIn.first(where: { $0.name == word }) {
            self = builtIn
        } else if customKinds.contains(word) {
            self = .custom(word)
        } else {
            return nil
        }
    }
}
