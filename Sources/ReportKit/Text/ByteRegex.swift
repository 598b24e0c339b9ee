/// A regular expression of RE2's syntax, the subset data checks use, compiled for matching
/// UTF-8 bytes in linear time (``ByteRegexMatcher``: a lazily built DFA, no backtracking).
///
/// The subset: literals, `.`, classes `[...]` with ranges and `^`, `\d \w \s \D \W \S`,
/// `\n \t \r \f \v \a \xHH \x{H…}`, escaped punctuation, `^` and `$`, groups `( )` and `(?: )`,
/// `|`, and `* + ? {m} {m,} {m,n}` with their lazy forms. The meanings are RE2's (duckdb's
/// `regexp_matches`), case-sensitive and single-line: `.` is any code point but `\n`; `\d`,
/// `\w` and `\s` are ASCII (`\s` is `[\t\n\f\r ]`); `^` is the start of the text and `$` its
/// very end; classes and `.` take whole code points. Any other construct is refused with a
/// ``ByteRegexError`` (an embedder may hand such a pattern to another engine).
///
///     let regex = try ByteRegex("^[A-Z]{2}-[0-9]{4}$")
///     let matcher = ByteRegexMatcher(regex)        // .search: anywhere in the text
///     matcher.matches("AB-1234")                   // true
public struct ByteRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    let program: ByteRegexProgram

    public init(_ pattern: String) throws(ByteRegexError) {
        self.pattern = pattern
        program = try ByteRegexProgram(ByteRegexParser.parse(pattern))
    }
}
