/// A value that cannot be read as its column's declared type.
public struct ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based data row (the header is not a row).
    public var row: Int
    /// The column's name.
    public var column: String
    /// The value as found (invalid UTF-8 replaced).
    public var value: String
    /// The declared type.
    public var expected: ColumnType

    public init(row: Int, column: String, value: String, expected: ColumnType) {
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected
    }

    /// `row 3, column 'age': 'abc' is not an integer`.
    public var description: String {
        let article = expected == .integer ? "an" : "a"
        return "row \(row), column '\(column)': '\(value)' is not \(article) \(expected) (declared type)"
    }
}
