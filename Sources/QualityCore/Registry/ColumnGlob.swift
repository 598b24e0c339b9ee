/// A column-name pattern: `*` matches any run of characters (none included), `?` one
/// character, everything else itself, case sensitive. `*_id` matches `kf_id` and `_id`.
public struct ColumnGlob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String

    public init(_ pattern: String) throws(RegistryProblem) {
        guard !pattern.isEmpty else { throw RegistryProblem("an empty pattern") }
        self.pattern = pattern
    }

    /// Whether `column` matches the pattern.
    public func matches(_ column: String) -> Bool {
        let pattern = Array(pattern), name = Array(column)
        var p = 0, n = 0
        var star: Int?, resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == name[n]) {
                p += 1; n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; resume = n; p += 1
            } else if let star {
                p = star + 1; resume += 1; n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    public var description: String { pattern }
}
