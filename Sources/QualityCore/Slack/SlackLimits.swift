/// The limits the digest keeps every message within, so Slack never rejects or cuts one.
///
/// The defaults are Slack's published limits; ``messagesPerRun`` is ours (alert floods
/// are what people complain about most). Attachments and blocks per message are at least 2:
/// a continuation message needs a block for its opening line, and the last message room for
/// "… and N more".
public struct SlackLimits: Sendable, Hashable {
    /// Characters of one section or context text, and of an attachment's text and pretext.
    public var textCharacters: Int
    /// Attachments in one message.
    public var attachmentsPerMessage: Int
    /// Blocks in one message.
    public var blocksPerMessage: Int
    /// Characters of one message in all (``SlackMessage/characterCount``).
    public var messageCharacters: Int
    /// Messages one run may send; what does not fit ends in "… and N more".
    public var messagesPerRun: Int

    public init(
        textCharacters: Int = 3_000, attachmentsPerMessage: Int = 20, blocksPerMessage: Int = 50,
        messageCharacters: Int = 40_000, messagesPerRun: Int = 3
    ) {
        self.textCharacters = textCharacters
        self.attachmentsPerMessage = max(2, attachmentsPerMessage)
        self.blocksPerMessage = max(2, blocksPerMessage)
        self.messageCharacters = messageCharacters
        self.messagesPerRun = max(1, messagesPerRun)
    }

    /// Slack's limits, three messages per run.
    public static let slack = SlackLimits()
}
