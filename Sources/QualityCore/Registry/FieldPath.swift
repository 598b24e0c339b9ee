/// The path of a field in the reports file, as messages name it: `reports[2].tables.visits`.
struct FieldPath: CustomStringConvertible {
    private(set) var text: String

    static let root = FieldPath(text: "")

    /// The path of member `key` (written `["key"]` when it has a character a dotted path can't show).
    func key(_ key: String) -> FieldPath {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        if plain { return FieldPath(text: text.isEmpty ? key : text + "." + key) }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return FieldPath(text: text + "[\"" + escaped + "\"]")
    }

    /// The path of element `index` (0-based, as a list counts in JSON paths).
    func index(_ index: Int) -> FieldPath {
        FieldPath(text: text + "[\(index)]")
    }

    var description: String { text.isEmpty ? "the document" : text }
}

/// "Did you mean …?" for a mistyped key or kind.
enum NearestWord {
    /// The candidate within an edit distance of 2 (and under half the word), or `nil`.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 * 2 < max(word.count, 2) else { return nil }
        return best.0
    }

    /// `" (did you mean 'x'?)"`, or nothing.
    static func clause(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance by characters, a swap of neighbours counting as one edit (`nmae` is
    /// one edit from `name`): the optimal string alignment distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, before[j - 2] + 1) }
                current[j] = best
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
