import Foundation

/// The environment variables a command may read, handed to it rather than read from the
/// process, so a test or a long-running loop decides what a run sees.
struct Environment: Sendable, Hashable {
    let variables: [String: String]

    init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The process's own environment (for `main.swift` and the composition code).
    static var process: Environment { Environment(ProcessInfo.processInfo.environment) }

    /// The variable's value; an empty variable counts as unset.
    subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
