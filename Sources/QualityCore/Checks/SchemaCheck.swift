/// `schema:` with `warn:` and/or `fail:` parts, each holding `when …` rules.
public struct SchemaCheck: Sendable, Hashable {
    public var fail: SchemaRules?
    public var warn: SchemaRules?

    public init(fail: SchemaRules?, warn: SchemaRules?) {
        self.fail = fail
        self.warn = warn
    }
}

/// The `when …` rules of one level of a schema check.
public struct SchemaRules: Sendable, Hashable {
    /// `when required column missing: [c, …]` (names compared exactly).
    public var requiredColumns: [String] = []
    /// `when forbidden column present: [pattern, …]`: see ``ColumnPattern``.
    public var forbiddenColumns: [ColumnPattern] = []
    /// `when wrong column type: {c: type}`, in file order.
    public var columnTypes: [(column: String, type: String)] = []
    /// `when wrong column index: {c: index}` (0-based), in file order.
    public var columnIndexes: [(column: String, index: Int)] = []

    public init() {}

    public static func == (lhs: SchemaRules, rhs: SchemaRules) -> Bool {
        lhs.requiredColumns == rhs.requiredColumns && lhs.forbiddenColumns == rhs.forbiddenColumns
            && lhs.columnTypes.elementsEqual(rhs.columnTypes, by: { $0 == $1 })
            && lhs.columnIndexes.elementsEqual(rhs.columnIndexes, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(requiredColumns)
        hasher.combine(forbiddenColumns)
        for entry in columnTypes { hasher.combine(entry.column); hasher.combine(entry.type) }
        for entry in columnIndexes { hasher.combine(entry.column); hasher.combine(entry.index) }
    }
}

/// A forbidden-column pattern, as Soda Core reads one: `%` becomes `..*` (one or more
/// characters), then `*` becomes `.*` (zero or more); the rest is a regular expression, and
/// it matches from the start of the name (a prefix: `ssn` forbids `ssn_hash`).
public struct ColumnPattern: Sendable, Hashable {
    public var text: String

    public init(text: String) { self.text = text }

    /// The regular expression, anchored at the start only.
    var regex: String {
        "^" + text.replacingAll("%", with: ".*").replacingAll("*", with: ".*")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
