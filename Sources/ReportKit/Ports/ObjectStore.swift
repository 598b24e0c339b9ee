import Foundation

/// A store of named objects: a directory on disk or an S3 bucket prefix.
///
/// Keys are ``ObjectKey``s, whose rules every store shares. A conforming store must: return
/// `nil` from ``get(_:)`` and ``read(_:range:)`` for a missing key (not throw); make both
/// `put`s atomic (a reader sees the old object or the new one, never a part); list every key
/// under a prefix in ascending byte order, however many pages that takes; and treat deleting
/// a missing key as success. `ObjectStoreContract` in ReportKitTestSupport checks all of it.
///
/// Large objects never need to sit in memory whole: ``read(_:range:)`` and ``chunks(_:size:)``
/// read a piece at a time, ``put(_:fileAt:contentType:)`` streams a local file, and
/// ``upload(_:)`` takes pieces as they come.
public protocol ObjectStore: Sendable {
    /// The object's bytes, or `nil` when there is no object at `key`.
    func get(_ key: ObjectKey) async throws -> Data?
    /// The object's bytes in `range` (offsets from 0, not empty), fewer when the object ends
    /// inside it and none when it ends before it; `nil` when there is no object at `key`.
    func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data?
    /// The object's bytes, `size` at a time (the last piece may be shorter). Throws
    /// ``ObjectStoreError`` of kind ``ObjectStoreError/Kind/notFound`` when there is no object.
    func chunks(_ key: ObjectKey, size: Int) -> ObjectChunks
    /// The object's size in bytes, or `nil` when there is no object at `key`. The default
    /// finds it in ``list(prefix:)``; a store that can ask for one object's size says so.
    func size(of key: ObjectKey) async throws -> Int?
    /// Stores `data` at `key`, replacing any object there.
    func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws
    /// Stores the bytes of the local file at `path` at `key`, read a piece at a time.
    func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws
    /// An upload to `key`, written a piece at a time and visible only once committed
    /// (``ObjectUpload``). The default holds the pieces in memory (``bufferedUpload(_:)``).
    func upload(_ key: ObjectKey) async throws -> any ObjectUpload
    /// Every object whose key starts with `prefix`, in ascending key order.
    func list(prefix: ObjectPrefix) async throws -> [StoredObject]
    /// Removes the object at `key`, if any.
    func delete(_ key: ObjectKey) async throws
    /// How the store names itself in messages (`s3://bucket/prefix`, a directory path).
    var displayName: String { get }
}

extension ObjectStore {
    /// Stores `data` with no content type.
    public func put(_ key: ObjectKey, _ data: Data) async throws {
        try await put(key, data, contentType: nil)
    }

    /// Pieces held in memory, stored at commit.
    public func upload(_ key: ObjectKey) async throws -> any ObjectUpload {
        bufferedUpload(key)
    }

    /// Chunks read by ranged reads, one ``read(_:range:)`` per piece.
    public func chunks(_ key: ObjectKey, size: Int) -> ObjectChunks {
        ObjectChunks.ranged(self, key: key, size: size)
    }

    /// The size ``list(prefix:)`` gives for `key` (listing the keys that start with its text).
    public func size(of key: ObjectKey) async throws -> Int? {
        try await list(prefix: ObjectPrefix(key.text)).first { $0.key == key }?.size
    }
}

/// One entry of an object store listing.
public struct StoredObject: Sendable, Hashable {
    public var key: ObjectKey
    public var size: Int
    /// A content fingerprint when the store has one (an S3 ETag); compare, don't interpret.
    public var etag: String?
    public var lastModified: Date?

    public init(key: ObjectKey, size: Int, etag: String? = nil, lastModified: Date? = nil) {
        self.key = key
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// Why an object store could not do what was asked.
public struct ObjectStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The key is not acceptable (`..`, absolute, empty segment), or a store's location
        /// (an `s3://` URL, a bucket name) is not.
        case invalidKey
        /// A whole-object read asked for an object that is not there.
        case notFound
        /// The store refused: permissions, missing bucket, bad credentials.
        case rejected
        /// The store could not be reached or kept failing after retries.
        case unavailable
    }

    public var kind: Kind
    public var key: String?
    public var message: String

    public init(_ kind: Kind, key: String? = nil, _ message: String) {
        self.kind = kind
        self.key = key
        self.message = message
    }

    public var description: String {
        if let key { return "\(message) (key '\(key)')" }
        return message
    }
}
