/// What a listing of an ``ObjectStore`` starts from: the root (empty), a key's text, or a
/// key's text and `/` (a folder). Keys are matched by text, so `p` lists `p/a.csv` and `pq.csv`.
///
/// A prefix keeps the rules of ``ObjectKey`` once a trailing `/` is set aside, so no listing
/// reaches outside a store's root.
public struct ObjectPrefix: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The prefix's text: empty, or a key's text with or without a trailing `/`.
    public let text: String

    /// The empty prefix: every object.
    public static let root = ObjectPrefix(checked: "")

    /// `text` as a prefix.
    ///
    /// - Throws: ``ObjectStoreError`` of kind ``ObjectStoreError/Kind/invalidKey`` naming the rule broken.
    public init(_ text: String) throws(ObjectStoreError) {
        if !text.isEmpty {
            try ObjectKey.check(text.utf8.last == UInt8(ascii: "/") ? String(decoding: text.utf8.dropLast(), as: UTF8.self) : text)
        }
        self.text = text
    }

    /// The folder `key`: its text and `/`.
    public init(folder key: ObjectKey) {
        text = key.text + "/"
    }

    /// A prefix written in the source; an invalid one is a programming error and traps.
    public init(stringLiteral text: String) {
        do {
            try self.init(text)
        } catch {
            preconditionFailure("invalid object prefix literal: \(error)")
        }
    }

    init(checked text: String) {
        self.text = text
    }

    public var description: String { text }

    /// `true` for the root.
    public var isEmpty: Bool { text.isEmpty }

    /// The key whose text is this prefix's followed by `rest`: `reports/` + `01.json`.
    public func appending(_ rest: String) throws(ObjectStoreError) -> ObjectKey {
        try ObjectKey(text + rest)
    }

    /// The part up to and including the last `/`: the folder a listing has to look in.
    public var folder: ObjectPrefix {
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return .root }
        return ObjectPrefix(checked: String(text[..<text.utf8.index(after: slash)]))
    }
}
