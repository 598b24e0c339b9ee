import ReportKit

/// A Slack legacy attachment: what a report returns for the run's message, as the original's
/// reports did (`color`, `title`, `title_link`, `text`, `fields`, `footer`, `ts`, `fallback`).
///
/// Absent values are left out of the JSON. Texts are Slack mrkdwn as written by the report
/// (a report that puts data into them escapes `&`, `<` and `>` with ``SlackText/escaped(_:)``).
public struct SlackAttachment: Sendable, Hashable {
    /// One cell of the attachment's table.
    public struct Field: Sendable, Hashable {
        public var title: String
        public var value: String
        /// `true` to put two fields side by side.
        public var short: Bool

        public init(title: String, value: String, short: Bool = false) {
            self.title = title
            self.value = value
            self.short = short
        }

        public var json: JSONValue {
            ["title": .string(title), "value": .string(value), "short": .bool(short)]
        }
    }

    public var color: SlackColor?
    public var pretext: String?
    public var title: String?
    /// Where the title links to (an absolute URL).
    public var titleLink: String?
    public var text: String?
    public var fields: [Field]
    public var footer: String?
    /// Seconds since 1970 shown beside the footer.
    public var ts: Int?
    /// Plain text for notifications and clients that show no attachments; when absent, the
    /// JSON carries the title, else the text.
    public var fallback: String?
    /// Other legacy members (`actions`, `author_name`, `image_url`, `mrkdwn_in`, …), sent as
    /// they are; the members above win over a same-named one here. Not counted by
    /// ``characterCount``.
    public var extra: JSONObject

    public init(
        color: SlackColor? = nil, pretext: String? = nil, title: String? = nil, titleLink: String? = nil,
        text: String? = nil, fields: [Field] = [], footer: String? = nil, ts: Int? = nil, fallback: String? = nil,
        extra: JSONObject = [:]
    ) {
        self.color = color
        self.pretext = pretext
        self.title = title
        self.titleLink = titleLink
        self.text = text
        self.fields = fields
        self.footer = footer
        self.ts = ts
        self.fallback = fallback
        self.extra = extra
    }

    /// The attachment as Slack's JSON.
    public var json: JSONValue {
        var object = extra
        object["color"] = color.map { .string($0.rawValue) }
        object["pretext"] = pretext.map(JSONValue.string)
        object["title"] = title.map(JSONValue.string)
        object["title_link"] = titleLink.map(JSONValue.string)
        object["text"] = text.map(JSONValue.string)
        if !fields.isEmpty { object["fields"] = .array(fields.map(\.json)) }
        object["footer"] = footer.map(JSONValue.string)
        object["ts"] = ts.map { .number(Double($0)) }
        object["fallback"] = (fallback ?? title ?? text).map(JSONValue.string)
        return .object(object)
    }

    /// The characters a reader sees, as Slack counts them (UTF-16 code units): pretext,
    /// title, text, field titles and values, footer. The fallback is not shown beside them.
    public var characterCount: Int {
        let texts = [pretext, title, text, footer].compactMap { $0 } + fields.flatMap { [$0.title, $0.value] }
        return texts.reduce(0) { $0 + $1.utf16.count }
    }
}
