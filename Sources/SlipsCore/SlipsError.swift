import ReportKit

/// Why a slips run could not produce its report. All are bad input (exit 2): nothing was
/// sent and the store was not touched.
public enum SlipsError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    /// A `REGION` or `SERVICE` item lacks an attribute the rules need, or holds an unreadable value.
    case badItem(_ artifact: String, _ instance: String, field: String, problem: String)
    /// An option is out of range.
    case badOption(name: String, problem: String)

    public var category: ErrorCategory { .badInput }

    public var description: String {
        switch self {
        case let .badItem(artifact, instance, field, problem):
            return "item \(artifact) '\(instance)': field '\(field)' \(problem)"
        case let .badOption(name, problem):
            return "option \(name): \(problem)"
        }
    }
}
