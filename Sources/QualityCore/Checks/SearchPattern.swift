import Foundation
import ReportKit

/// A regular expression that searches (matches anywhere), as duckdb's `regexp_matches` (RE2)
/// does for Soda Core. A pattern of RE2's common subset (``ByteRegex``: literals, classes,
/// `\d \w \s`, anchors, groups, `|`, counted and lazy repetitions) runs on the cell's bytes in
/// linear time with RE2's meanings; any other pattern (`\b`, lookaround, backreferences,
/// flags) falls back to Foundation's `NSRegularExpression` (ICU) on the text. A pattern must
/// compile in Swift's `Regex` and in ICU either way, so the files that are refused stay the same.
///
/// Matching keeps a lazily built DFA: not for use from several threads at once.
struct SearchPattern {
    private enum Engine {
        case bytes(search: ByteRegexMatcher, prefix: ByteRegexMatcher)
        case icu(NSRegularExpression)
    }

    private let engine: Engine

    init(_ pattern: String) throws(CheckFailure) {
        if let problem = Self.problem(pattern) { throw CheckFailure("regex '\(pattern)' does not compile: \(problem)") }
        if let regex = try? ByteRegex(pattern) {
            engine = .bytes(search: ByteRegexMatcher(regex, mode: .search), prefix: ByteRegexMatcher(regex, mode: .prefix))
            return
        }
        do {
            engine = .icu(try NSRegularExpression(pattern: pattern))
        } catch {
            throw CheckFailure("regex '\(pattern)' does not compile")
        }
    }

    /// Why `pattern` does not compile, or `nil` when it does (in both engines).
    static func problem(_ pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
        } catch {
            return "\(error)"
        }
        return (try? NSRegularExpression(pattern: pattern)) == nil ? "not a valid ICU regular expression" : nil
    }

    /// Whether the pattern runs on bytes (``ByteRegex``), not through ICU.
    var runsOnBytes: Bool {
        if case .bytes = engine { return true }
        return false
    }

    func finds(in text: String) -> Bool {
        switch engine {
        case .bytes(let search, _): return search.matches(text)
        case .icu(let regex): return regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }

    /// Whether the pattern is found in a cell's UTF-8 bytes.
    func finds(in bytes: UnsafeRawBufferPointer) -> Bool {
        switch engine {
        case .bytes(let search, _): return search.matches(bytes)
        case .icu: return finds(in: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Whether it matches at the start of `text` (a prefix match).
    func matchesStart(of text: String) -> Bool {
        switch engine {
        case .bytes(_, let prefix): return prefix.matches(text)
        case .icu(let regex):
            return regex.firstMatch(in: text, options: .anchored, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }
}
