/// A pattern over a synced file's name: `*` matches any run of characters but `/`, `**` any
/// run at all, `?` one character but `/`; everything else matches itself, case sensitive.
/// `pr.data.*` matches `pr.data.0.Current`; `**/*.csv` matches `2024/a.csv`.
public struct SyncGlob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String

    /// `nil` for an empty pattern.
    public init?(_ pattern: String) {
        guard !pattern.isEmpty else { return nil }
        self.pattern = pattern
    }

    public var description: String { pattern }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        Self.match(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        if first == "*" {
            let double = pattern.dropFirst().first == "*"
            let rest = pattern.dropFirst(double ? 2 : 1)
            var candidate = name
            while true {
                if match(rest, candidate) { return true }
                guard let next = candidate.first, double || next != "/" else { return false }
                candidate = candidate.dropFirst()
            }
        }
        guard let character = name.first else { return false }
        if first == "?" ? character != "/" : first == character {
            return match(pattern.dropFirst(), name.dropFirst())
        }
        return false
    }
}
