import ReportKit

/// A Block Kit text object: plain text or mrkdwn.
public struct SlackText: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case plainText = "plain_text"
        case mrkdwn
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func plain(_ text: String) -> SlackText { SlackText(.plainText, text) }
    public static func mrkdwn(_ text: String) -> SlackText { SlackText(.mrkdwn, text) }

    public var json: JSONValue {
        var object: JSONObject = ["type": .string(kind.rawValue), "text": .string(text)]
        if kind == .plainText { object["emoji"] = true }
        return .object(object)
    }

    /// Characters as Slack counts them (UTF-16 code units).
    public var characterCount: Int { text.utf16.count }

    /// `raw` with the three characters mrkdwn reserves written as entities:
    /// `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`.
    public static func escaped(_ raw: String) -> String {
        fitted(raw, limit: .max, escaping: true)
    }

    /// `raw` cut to at most `limit` UTF-16 code units, ending in `…` when cut. Cuts fall
    /// between characters (never inside an emoji or an entity); with `escaping`, mrkdwn's
    /// reserved characters are escaped first and the limit counts the escaped text.
    public static func fitted(_ raw: String, limit: Int, escaping: Bool = false) -> String {
        var pieces: [Substring] = []
        var length = 0
        for character in raw {
            let piece: String
            if escaping, character == "&" {
                piece = "&amp;"
            } else if escaping, character == "<" {
                piece = "&lt;"
            } else if escaping, character == ">" {
                piece = "&gt;"
            } else {
                piece = String(character)
            }
            pieces.append(Substring(piece))
            length += piece.utf16.count
        }
        if length <= limit { return pieces.joined() }
        // Keep whole pieces while they and the ellipsis fit.
        var kept = ""
        var keptLength = 0
        for piece in pieces {
            let pieceLength = piece.utf16.count
            if keptLength + pieceLength + 1 > limit { break }
            kept += piece
            keptLength += pieceLength
        }
        return kept + "…"
    }
}
