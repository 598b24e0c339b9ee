import Foundation

/// A store of named objects: a directory on disk or an S3 bucket prefix.
///
/// Keys are `/`-separated relative paths (`reports/2020-05-01/summary.csv`). A conforming
/// store must: return `nil` from ``get(_:)`` for a missing key (not throw); make ``put(_:_:contentType:)``
/// atomic (a reader sees the old object or the new one, never a part); list every key under
/// a prefix in ascending byte order, however many pages that takes; and treat deleting a
/// missing key as success.
public protocol ObjectStore: Sendable {
    /// The object's bytes, or `nil` when there is no object at `key`.
    func get(_ key: String) async throws -> Data?
    /// Stores `data` at `key`, replacing any object there.
    func put(_ key: String, _ data: Data, contentType: String?) async throws
    /// Every object whose key starts with `prefix`, in ascending key order.
    func list(prefix: String) async throws -> [StoredObject]
    /// Removes the object at `key`, if any.
    func delete(_ key: String) async throws
    /// How the store names itself in messages (`s3://bucket/prefix`, a directory path).
    var displayName: String { get }
}

/// One entry of an object store listing.
public struct StoredObject: Sendable, Hashable {
    public var key: String
    public var size: Int
    /// A content fingerprint when the store has one (an S3 ETag); compare, don't interpret.
    public var etag: String?
    public var lastModified: Date?

    public init(key: String, size: Int, etag: String? = nil, lastModified: Date? = nil) {
        self.key = key
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
    }
}

extension ObjectStore {
    /// Stores `data` with no content type.
    public func put(_ key: String, _ data: Data) async throws {
        try await put(key, data, contentType: nil)
    }
}

/// Why an object store could not do what was asked.
public struct ObjectStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The key is not acceptable (`..`, absolute, empty segment).
        case invalidKey
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
