/// A tree the markup writer refuses to render: which element (its path from the root, as
/// `html > body > table > tr > td`), which attribute, and why.
public struct MarkupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The element's path from the root of what was rendered.
    public var path: String
    /// What is wrong.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "html: \(path): \(message)" }
}

extension MarkupError: CategorizedError {
    /// A refused name or URL came from the data the page shows: bad input.
    public var category: ErrorCategory { .badInput }
}
