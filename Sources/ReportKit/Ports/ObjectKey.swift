/// The name of one object in an ``ObjectStore``: a `/`-separated relative path that means
/// the same in every store (a directory, an S3 bucket, memory).
///
/// The rules, checked when a key is made, so no store sees a key it cannot keep and none
/// reaches outside its root:
/// - not empty, at most ``maxByteCount`` bytes of UTF-8 (S3's limit);
/// - no leading `/`, and no empty (`a//b`, `a/`), `.` or `..` segment;
/// - each segment at most ``maxSegmentByteCount`` bytes (a file name's limit);
/// - no control characters (U+0000–U+001F, U+007F–U+009F), NUL included;
/// - valid UTF-8 (a `String` always is; ``init(validating:)`` checks bytes).
///
/// Keys order by their UTF-8 bytes, as S3 lists them.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The key's text, as stores name the object.
    public let text: String

    /// Longest key, in UTF-8 bytes.
    public static let maxByteCount = 1024
    /// Longest segment, in UTF-8 bytes.
    public static let maxSegmentByteCount = 255

    /// `text` as a key.
    ///
    /// - Throws: ``ObjectStoreError`` of kind ``ObjectStoreError/Kind/invalidKey`` naming the rule broken.
    public init(_ text: String) throws(ObjectStoreError) {
        try Self.check(text)
        self.text = text
    }

    /// The key spelled by `bytes`, which must be valid UTF-8.
    public init(validating bytes: some Collection<UInt8>) throws(ObjectStoreError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ObjectStoreError(.invalidKey, "an object key must be valid UTF-8")
        }
        try self.init(text)
    }

    /// A key written in the source; an invalid one is a programming error and traps.
    ///
    /// `ObjectKey("a/b")` with a literal argument is this initializer too (Swift treats it as
    /// a literal), so text from outside goes through a `String` value: `try ObjectKey(text)`.
    public init(stringLiteral text: String) {
        do {
            try self.init(text)
        } catch {
            preconditionFailure("invalid object key literal: \(error)")
        }
    }

    public var description: String { text }

    // Slashes are found among the bytes, not the characters: `/` followed by a combining
    // mark is one character but still ends a segment.

    /// The segments between the slashes: `a/b/c.json` is `a`, `b`, `c.json`.
    public var segments: [Substring] {
        text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The last segment: `c.json` of `a/b/c.json`.
    public var name: Substring {
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return text[...] }
        return text[text.utf8.index(after: slash)...]
    }

    /// The folder the key is in: `a/b/` for `a/b/c.json`, the root for `c.json`.
    public var folder: ObjectPrefix {
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return .root }
        return ObjectPrefix(checked: String(text[..<text.utf8.index(after: slash)]))
    }

    /// This key as a folder with `path` (one or more segments) under it: `a/b` + `c.json` is `a/b/c.json`.
    public func appending(_ path: String) throws(ObjectStoreError) -> ObjectKey {
        try ObjectKey(text + "/" + path)
    }

    /// `true` when the key's text starts with `prefix` (a listing by `prefix` includes it).
    public func hasPrefix(_ prefix: ObjectPrefix) -> Bool {
        text.utf8.starts(with: prefix.text.utf8)
    }

    /// `true` when the key lies in the folder `ancestor`, whole segments compared:
    /// `a/b/c` is inside `a/b` and `a`, but not inside `a/bc` or itself.
    public func isInside(_ ancestor: ObjectKey) -> Bool {
        text.utf8.count > ancestor.text.utf8.count + 1 && hasPrefix(ObjectPrefix(folder: ancestor))
    }

    /// The rest of the key after `prefix`, or `nil` when it does not start with it.
    public func relative(to prefix: ObjectPrefix) -> Substring? {
        guard hasPrefix(prefix) else { return nil }
        return Substring(text.utf8.dropFirst(prefix.text.utf8.count))
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }

    /// Throws unless `text` keeps every rule of a key.
    static func check(_ text: String) throws(ObjectStoreError) {
        func refuse(_ rule: String) -> ObjectStoreError { ObjectStoreError(.invalidKey, key: text, "an object key \(rule)") }
        guard !text.isEmpty else { throw refuse("cannot be empty") }
        guard text.utf8.count <= maxByteCount else { throw refuse("cannot be longer than \(maxByteCount) bytes") }
        guard text.utf8.first != UInt8(ascii: "/") else { throw refuse("cannot be absolute (start with '/')") }
        for scalar in text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            throw refuse(scalar.value == 0 ? "cannot hold a NUL byte" : "cannot hold the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))")
        }
        for segment in text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            switch segment.count {
            case 0: throw refuse("cannot have an empty segment")
            case 1 where segment.first == UInt8(ascii: "."): throw refuse("cannot have a '.' segment")
            case 2 where segment.allSatisfy({ $0 == UInt8(ascii: ".") }): throw refuse("cannot have a '..' segment")
            case (maxSegmentByteCount + 1)...: throw refuse("cannot have a segment longer than \(maxSegmentByteCount) bytes")
            default: continue
            }
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
