import ReportKit

/// Input a profile cannot be made of: a declared type for a column the table lacks, or a
/// value that is not its column's declared type. Bad input (exit 2).
public struct ProfileInputError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var category: ErrorCategory { .badInput }
    public var description: String { message }
}
