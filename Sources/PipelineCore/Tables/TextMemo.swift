import ReportKit

/// A dictionary keyed by text, looked up once per distinct text: the few texts a column
/// holds (`Innvandrer, kort botid (<=5 år)`, …) are found again by their bytes, without
/// hashing them as Swift hashes text (Unicode-normalized, slow for `år` and `Øvrige`). The
/// answer is the dictionary's: equal bytes are equal texts, and a text whose bytes are new
/// asks the dictionary (so a canonically equal spelling still finds its entry). Meant for a
/// handful of texts: past ``limit`` distinct ones, each lookup goes to the dictionary.
struct TextMemo<Value> {
    private let values: [String: Value]
    private var seen: [(text: String, value: Value?)] = []
    /// Texts remembered at most (each lookup scans them).
    static var limit: Int { 32 }

    init(_ values: [String: Value]) {
        self.values = values
    }

    /// `values[text]`.
    mutating func value(of text: String) -> Value? {
        var bytesOfText = text
        let known: Int? = bytesOfText.withUTF8 { bytes in
            for index in seen.indices where seen[index].text.utf8.count == bytes.count {
                var candidate = seen[index].text
                if candidate.withUTF8({ bytes.isEmpty || bytesEqual($0.baseAddress!, bytes.baseAddress!, count: bytes.count) }) {
                    return index
                }
            }
            return nil
        }
        if let known { return seen[known].value }
        let value = values[text]
        if seen.count < Self.limit { seen.append((text, value)) }
        return value
    }
}
