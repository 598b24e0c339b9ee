import ReportKit

/// The Block Kit blocks the run's message uses.
public enum SlackBlock: Sendable, Hashable {
    /// A title in large plain text (at most 150 characters).
    case header(String)
    /// A paragraph of text (at most 3,000 characters).
    case section(SlackText)
    /// A small grey line of up to ten texts.
    case context([SlackText])

    public var json: JSONValue {
        switch self {
        case .header(let text):
            return ["type": "header", "text": SlackText.plain(text).json]
        case .section(let text):
            return ["type": "section", "text": text.json]
        case .context(let elements):
            return ["type": "context", "elements": .array(elements.map(\.json))]
        }
    }

    /// Characters a reader sees (UTF-16 code units).
    public var characterCount: Int {
        switch self {
        case .header(let text): return text.utf16.count
        case .section(let text): return text.characterCount
        case .context(let elements): return elements.reduce(0) { $0 + $1.characterCount }
        }
    }
}
