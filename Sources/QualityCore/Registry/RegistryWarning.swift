import ReportKit

/// Something a reports file allows but a reader should hear about: a report without request
/// metadata, a report reading a production database.
public struct RegistryWarning: Sendable, Hashable {
    public var location: SourceLocation
    /// The field it is about (`reports[0].request.source.production`).
    public var field: String
    public var message: String

    public init(location: SourceLocation, field: String, message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    /// `file:line:col: warning: registry: field: message`, on one line.
    public func summary(file: String) -> String {
        "\(file):\(location.line):\(location.column): warning: registry: \(field): \(message)"
    }
}

/// Every problem found in a reports file: each a located ``ParseError`` (stage `registry`,
/// or `yaml`/`json` when the text itself doesn't parse), in file order.
///
/// The parser goes on past a problem in one field to the next field and the next report, so
/// a file's problems come out together; a syntax error stops it (nothing after it can be read).
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible, CategorizedError {
    public var problems: [ParseError]

    public init(problems: [ParseError]) {
        self.problems = problems
    }

    public var category: ErrorCategory { .badInput }

    /// Each problem with its source line and caret; a count line when there are several.
    public var description: String {
        let shown = problems.map(\.description).joined(separator: "\n")
        return problems.count > 1 ? "\(shown)\n\(problems.count) problems in the reports file" : shown
    }
}
