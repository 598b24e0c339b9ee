/// A cursor over one check line (`missing_count(email) between 1 and 5 %`), by Unicode
/// scalar so that an offset is a column offset.
struct LineCursor {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    mutating func skipSpaces() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    /// Whether only spaces remain.
    mutating func atEnd() -> Bool {
        skipSpaces()
        return index == scalars.count
    }

    /// What is left, for messages.
    var rest: String { String(String.UnicodeScalarView(scalars[index...])) }

    /// Takes `literal` after spaces. A literal that is a word must end at a word boundary.
    mutating func take(_ literal: String) -> Bool {
        skipSpaces()
        let wanted = Array(literal.unicodeScalars)
        guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else { return false }
        let end = index + wanted.count
        if let last = wanted.last, Self.isWordScalar(last), end < scalars.count, Self.isWordScalar(scalars[end]) { return false }
        index = end
        return true
    }

    /// `[A-Za-z_][A-Za-z0-9_]*` after spaces.
    mutating func word() -> String? {
        skipSpaces()
        let start = index
        while index < scalars.count, Self.isWordScalar(scalars[index]) { index += 1 }
        return index > start ? String(String.UnicodeScalarView(scalars[start..<index])) : nil
    }

    /// Scalars up to (not including) one of `stops` or the end, after spaces.
    mutating func until(_ stops: Set<Unicode.Scalar>) -> String {
        skipSpaces()
        let start = index
        while index < scalars.count, !stops.contains(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// A token of number characters (`-12.5`, `1e3`) after spaces; empty when none.
    mutating func numberToken() -> String {
        skipSpaces()
        let start = index
        while index < scalars.count, Self.isNumberScalar(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// The next non-space word of any characters, for durations (`1d2h`).
    mutating func token() -> String {
        skipSpaces()
        let start = index
        while index < scalars.count, scalars[index] != " ", scalars[index] != "\t" { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static func isNumberScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || scalar == "." || scalar == "-" || scalar == "+" || scalar == "e" || scalar == "E"
    }
}
