/// How a run ended, as the process exit code `reportcli` returns.
///
/// A status is not an error: a run that completed and found failures the user asked to be
/// told about returns ``completedWithFailures`` without throwing. Errors map to a status
/// through their ``ErrorCategory`` (``ErrorCategory/exitStatus``).
///
/// | status | exit | meaning |
/// |---|---|---|
/// | ``success`` | 0 | success |
/// | ``completedWithFailures`` | 1 | the run completed and found failures the user asked to be told about |
/// | ``badInput`` | 2 | usage error or bad input: nothing was written, no state moved |
/// | ``outsideSystem`` | 3 | an outside system failed after retries: no state moved |
public enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    case success = 0
    case completedWithFailures = 1
    case badInput = 2
    case outsideSystem = 3

    /// The process exit code.
    public var code: Int32 { rawValue }

    /// What the status means, in the words of `reportcli --help`'s EXIT CODES.
    public var meaning: String {
        switch self {
        case .success: return "success"
        case .completedWithFailures: return "the run completed and found failures you asked to be told about"
        case .badInput: return "usage error or bad input: nothing was written, no state moved"
        case .outsideSystem: return "an outside system (store, network) failed after retries: no state moved"
        }
    }
}

extension ErrorCategory {
    /// The exit status of a run that failed with an error of this category.
    public var exitStatus: ExitStatus {
        switch self {
        case .badInput: return .badInput
        case .outsideSystem: return .outsideSystem
        }
    }
}
