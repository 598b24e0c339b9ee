import ReportKit

extension SlackAttachment {
    /// Reads a legacy attachment from Slack's JSON (a report that returns JSON, a manifest).
    /// Unknown members are kept in ``extra``; a known member of the wrong type is an error
    /// naming it, under `path` (`attachments[2].fields[0].short`).
    public init(json: JSONValue, path: String = "attachment") throws(SlackAttachmentError) {
        guard let object = json.objectValue else { throw SlackAttachmentError(path: path, expected: "an object", found: json) }
        func text(_ key: String) throws(SlackAttachmentError) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let string = value.stringValue else { throw SlackAttachmentError(path: "\(path).\(key)", expected: "a string", found: value) }
            return string
        }
        self.init(
            color: try text("color").map(SlackColor.init(rawValue:)), pretext: try text("pretext"), title: try text("title"),
            titleLink: try text("title_link"), text: try text("text"), footer: try text("footer"), fallback: try text("fallback"))
        if let value = object["ts"], !value.isNull {
            guard let seconds = value.intValue ?? value.stringValue.flatMap({ Double($0) }).map({ Int($0) }) else {
                throw SlackAttachmentError(path: "\(path).ts", expected: "seconds since 1970", found: value)
            }
            ts = seconds
        }
        if let value = object["fields"], !value.isNull {
            guard let elements = value.arrayValue else { throw SlackAttachmentError(path: "\(path).fields", expected: "an array", found: value) }
            for (index, element) in elements.enumerated() {
                fields.append(try Field(json: element, path: "\(path).fields[\(index)]"))
            }
        }
        let known: Set<String> = ["color", "pretext", "title", "title_link", "text", "fields", "footer", "ts", "fallback"]
        extra = JSONObject(object.members.filter { !known.contains($0.key) })
    }
}

extension SlackAttachment.Field {
    /// Reads `{"title": …, "value": …, "short": …}`; `short` defaults to `false`.
    public init(json: JSONValue, path: String) throws(SlackAttachmentError) {
        guard let object = json.objectValue else { throw SlackAttachmentError(path: path, expected: "an object", found: json) }
        guard let title = object["title"]?.stringValue else {
            throw SlackAttachmentError(path: "\(path).title", expected: "a string", found: object["title"] ?? .null)
        }
        let value: String
        switch object["value"] {
        case .string(let text)?: value = text
        case .number?: value = object["value"]!.description
        case let other: throw SlackAttachmentError(path: "\(path).value", expected: "a string", found: other ?? .null)
        }
        let short = object["short"] ?? false
        guard let flag = short.boolValue else { throw SlackAttachmentError(path: "\(path).short", expected: "a boolean", found: short) }
        self.init(title: title, value: value, short: flag)
    }
}

/// A Slack attachment's JSON has a member of the wrong type.
public struct SlackAttachmentError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    /// Where: `attachments[2].fields[0].short`.
    public var path: String
    public var expected: String
    /// What was there instead (`a number`, `null`, …).
    public var found: String

    public init(path: String, expected: String, found: JSONValue) {
        self.path = path
        self.expected = expected
        self.found = found.kindDescription
    }

    public var category: ErrorCategory { .badInput }
    public var description: String { "\(path): expected \(expected), found \(found)" }
}
