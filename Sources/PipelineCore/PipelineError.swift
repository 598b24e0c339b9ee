import ReportKit

/// Why a pipeline step failed: bad input (the event, a file, the data: exit 2) or an outside
/// failure (the store: exit 3). The message names the event key, file, line or rows.
public enum PipelineError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    case badInput(String)
    case outsideSystem(String)

    public var category: ErrorCategory {
        switch self {
        case .badInput: return .badInput
        case .outsideSystem: return .outsideSystem
        }
    }

    public var description: String {
        switch self {
        case .badInput(let message), .outsideSystem(let message): return message
        }
    }
}
