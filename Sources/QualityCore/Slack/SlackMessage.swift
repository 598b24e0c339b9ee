import ReportKit

/// One Slack message: the notification text, Block Kit blocks, then legacy attachments
/// (Slack shows the blocks above the attachments). The same JSON goes to an incoming
/// webhook or, with a `channel` added, to `chat.postMessage`.
public struct SlackMessage: Sendable, Hashable {
    /// What notifications and clients without blocks show.
    public var text: String
    public var blocks: [SlackBlock]
    public var attachments: [SlackAttachment]

    public init(text: String, blocks: [SlackBlock] = [], attachments: [SlackAttachment] = []) {
        self.text = text
        self.blocks = blocks
        self.attachments = attachments
    }

    /// The message as the JSON body Slack takes (no channel).
    public var json: JSONValue {
        var object: JSONObject = ["text": .string(text)]
        if !blocks.isEmpty { object["blocks"] = .array(blocks.map(\.json)) }
        if !attachments.isEmpty { object["attachments"] = .array(attachments.map(\.json)) }
        return .object(object)
    }

    /// The characters of the text, every block and every attachment (UTF-16 code units),
    /// the measure ``SlackLimits/messageCharacters`` bounds.
    public var characterCount: Int {
        text.utf16.count + blocks.reduce(0) { $0 + $1.characterCount }
            + attachments.reduce(0) { $0 + $1.characterCount }
    }
}
