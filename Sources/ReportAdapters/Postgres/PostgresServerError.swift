/// An `ErrorResponse` or `NoticeResponse` from the server: its fields by their one-letter
/// codes (PostgreSQL's "Error and Notice Message Fields"), the ones a person needs by name.
public struct PostgresServerError: Sendable, Hashable, CustomStringConvertible {
    /// `ERROR`, `FATAL`, `PANIC`, `WARNING`, `NOTICE`… (not localized: the `V` field, else `S`).
    public var severity: String
    /// The SQLSTATE code (`28P01`, `25006`, `57014`).
    public var code: String
    /// The primary message.
    public var message: String
    /// The optional detail and hint.
    public var detail: String?
    public var hint: String?
    /// Every field as sent, by its code byte.
    public var fields: [UInt8: String]

    init(fields: [UInt8: String]) {
        self.fields = fields
        severity = fields[UInt8(ascii: "V")] ?? fields[UInt8(ascii: "S")] ?? "ERROR"
        code = fields[UInt8(ascii: "C")] ?? "XX000"
        message = fields[UInt8(ascii: "M")] ?? "(no message)"
        detail = fields[UInt8(ascii: "D")]
        hint = fields[UInt8(ascii: "H")]
    }

    /// The SQLSTATE class: the code's first two characters (`28` invalid authorization, `25`
    /// invalid transaction state, `57` operator intervention, `08` connection exception).
    public var codeClass: Substring { code.prefix(2) }

    /// `ERROR 28P01: password authentication failed for user "reportkit"`, with the detail and
    /// hint after it when the server sent them.
    public var description: String {
        var text = "\(severity) \(code): \(message)"
        if let detail { text += " (detail: \(detail))" }
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}
