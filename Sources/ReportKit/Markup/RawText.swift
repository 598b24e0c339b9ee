/// The code of a `<script>` element: a compile-time constant of the program's source (a
/// `StaticString` literal, which cannot be built from data or interpolated), never text
/// that came in at run time. Rendering fails if it holds `</script`, `<script` or `<!--`
/// (in any case), which would end or confuse the element.
///
/// ```swift
/// static let viewer: ScriptSource = """
///     document.querySelector("#search").addEventListener("input", filter)
///     """
/// ```
public struct ScriptSource: Sendable, Hashable, ExpressibleByStringLiteral {
    let code: String

    /// The code of a string literal.
    public init(stringLiteral code: StaticString) {
        self.code = code.description
    }

    public init(_ code: StaticString) {
        self.code = code.description
    }

    /// The reason the code cannot go into a `<script>` element, or `nil`.
    var problem: String? {
        RawTextCheck.problem(in: code, forbidden: ["</script", "<script", "<!--"], element: "script")
    }
}

/// The text of a `<style>` element, checked when made: no `<` at all (so `</style`, `<!--`
/// and markup cannot appear) and no NUL. CSS has no use for `<` outside strings and
/// comments; write `\3C` there.
public struct StyleSheet: Sendable, Hashable {
    public let css: String

    /// Checks `css`; throws naming the first offending character's place.
    public init(_ css: String) throws(MarkupError) {
        if let problem = RawTextCheck.problem(in: css, forbidden: ["<", "\0"], element: "style") {
            throw MarkupError(path: "style", message: problem)
        }
        self.css = css
    }

    /// A constant style sheet of the program's own; a `<` in it is a programming error.
    public init(constant css: StaticString) {
        let text = css.description
        precondition(!text.contains("<") && !text.contains("\0"), "a style sheet cannot hold '<'")
        self.css = text
    }
}

enum RawTextCheck {
    /// The first of `forbidden` found in `text` (case-insensitively), as a message.
    static func problem(in text: String, forbidden: [String], element: String) -> String? {
        let lower = text.lowercased()
        for needle in forbidden {
            guard let range = lower.range(of: needle) else { continue }
            let offset = lower.utf8.distance(from: lower.startIndex, to: range.lowerBound)
            let shown = needle == "\0" ? "a NUL character" : "'\(needle)'"
            return "\(shown) at byte \(offset) cannot appear inside a <\(element)> element"
        }
        return nil
    }
}
