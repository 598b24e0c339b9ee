/// A local file's path as a reports file writes it: relative to the reports file's folder.
///
/// Rules: not empty; not absolute (no leading `/` or `~`), so a registry and its data move
/// together (a clone, a container image) and mean the same on every machine; no control
/// characters; `.` and empty segments are dropped (`./data//a.csv` is `data/a.csv`). `..` is
/// allowed: a reports file is its author's own, and may reach a sibling folder. Store keys
/// (`s3://…`) never take `..` (``ObjectKey``'s rules).
public struct RelativePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path's segments, `..` kept, `.` and empty ones dropped.
    public let segments: [String]

    /// `text` as a relative path.
    ///
    /// - Throws: a message saying which rule `text` breaks.
    public init(_ text: String) throws(RegistryProblem) {
        guard !text.isEmpty else { throw RegistryProblem("an empty path") }
        if text.hasPrefix("/") || text.hasPrefix("~") {
            throw RegistryProblem("'\(text)' is an absolute path; write it relative to the reports file's folder")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw RegistryProblem("the path has a control character")
        }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        guard !segments.isEmpty else { throw RegistryProblem("'\(text)' names the reports file's folder, not a file") }
        self.segments = segments
    }

    /// The segments joined by `/`.
    public var text: String { segments.joined(separator: "/") }

    /// The path under `base` (the reports file's folder, as the caller named it): `base/text`,
    /// or `text` when `base` is empty or `.`. Only joins text; nothing is looked up.
    public func resolved(against base: String) -> String {
        if base.isEmpty || base == "." { return text }
        return base.hasSuffix("/") ? base + text : base + "/" + text
    }

    public var description: String { text }

    public static func < (lhs: RelativePath, rhs: RelativePath) -> Bool { lhs.text < rhs.text }
}

/// A problem with one value, before the parser knows where it is: the parser adds the
/// location and the field path.
public struct RegistryProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
