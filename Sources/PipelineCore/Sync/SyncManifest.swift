import Foundation
import ReportKit

/// What a sync stored from one source, kept in the store at `.reportkit/sync/<source>.json`
/// and written last, after every file it describes. A file is in it only once it is really
/// stored; the next run compares the source against it.
public struct SyncManifest: Sendable, Hashable {
    /// One stored file.
    public struct File: Sendable, Hashable {
        /// The name below the source (`pr.class`).
        public var name: String
        /// Where it is in the store.
        public var key: ObjectKey
        public var size: Int
        /// The content's SHA-256, lowercase hex.
        public var sha256: String
        /// The source's validators, sent back as `If-None-Match` and `If-Modified-Since`.
        public var etag: String?
        public var lastModified: String?
        /// The date the listing gave when the file was last checked (a hint for next time).
        public var listingDate: String?
        /// When the stored bytes were fetched (ISO 8601, UTC).
        public var syncedAt: String

        public init(
            name: String, key: ObjectKey, size: Int, sha256: String, etag: String? = nil, lastModified: String? = nil,
            listingDate: String? = nil, syncedAt: String
        ) {
            self.name = name
            self.key = key
            self.size = size
            self.sha256 = sha256
            self.etag = etag
            self.lastModified = lastModified
            self.listingDate = listingDate
            self.syncedAt = syncedAt
        }
    }

    public var source: String
    /// The files by name.
    public var files: [String: File]

    public init(source: String, files: [String: File] = [:]) {
        self.source = source
        self.files = files
    }

    /// The manifest as JSON: `{"source", "version": 1, "files": [...]}`, files by name.
    public var json: JSONValue {
        .object(JSONObject(uniqueMembers: [
            .init(key: "source", value: .string(source)),
            .init(key: "version", value: 1),
            .init(key: "files", value: .array(files.keys.sorted().map { Self.json(files[$0]!) })),
        ]))
    }

    static func json(_ file: File) -> JSONValue {
        var members: [JSONObject.Member] = [
            .init(key: "name", value: .string(file.name)),
            .init(key: "key", value: .string(file.key.text)),
            .init(key: "size", value: .number(Double(file.size))),
            .init(key: "sha256", value: .string(file.sha256)),
            .init(key: "synced-at", value: .string(file.syncedAt)),
        ]
        if let etag = file.etag { members.append(.init(key: "etag", value: .string(etag))) }
        if let lastModified = file.lastModified { members.append(.init(key: "last-modified", value: .string(lastModified))) }
        if let listingDate = file.listingDate { members.append(.init(key: "listing-date", value: .string(listingDate))) }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// The manifest in `bytes`, read from `where` (named in errors).
    ///
    /// - Throws: ``SyncManifestError`` naming the field that is wrong.
    public static func parse(_ bytes: [UInt8], where place: String) throws -> SyncManifest {
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw SyncManifestError(place: place, field: "", problem: error.summary)
        }
        func wrong(_ field: String, _ problem: String) -> SyncManifestError {
            SyncManifestError(place: place, field: field, problem: problem)
        }
        guard let source = value["source"]?.stringValue else { throw wrong("source", "expected text") }
        guard let list = value["files"]?.arrayValue else { throw wrong("files", "expected a list") }
        var files: [String: File] = [:]
        for (index, entry) in list.enumerated() {
            let field = "files[\(index)]"
            guard let name = entry["name"]?.stringValue, SyncName.problem(name) == nil else { throw wrong("\(field).name", "expected a safe name") }
            guard let keyText = entry["key"]?.stringValue, let key = try? ObjectKey(keyText) else { throw wrong("\(field).key", "expected an object key") }
            guard let size = entry["size"]?.intValue, size >= 0 else { throw wrong("\(field).size", "expected a byte count") }
            guard let sha = entry["sha256"]?.stringValue, sha.utf8.count == 64 else { throw wrong("\(field).sha256", "expected 64 hex digits") }
            guard let syncedAt = entry["synced-at"]?.stringValue else { throw wrong("\(field).synced-at", "expected a timestamp") }
            files[name] = File(
                name: name, key: key, size: size, sha256: sha, etag: entry["etag"]?.stringValue,
                lastModified: entry["last-modified"]?.stringValue, listingDate: entry["listing-date"]?.stringValue, syncedAt: syncedAt)
        }
        return SyncManifest(source: source, files: files)
    }
}

/// A sync manifest in the store that cannot be read: the state is not trusted, nothing moves.
public struct SyncManifestError: Error, Sendable, Hashable, CustomStringConvertible, CategorizedError {
    public var place: String
    public var field: String
    public var problem: String

    public var description: String {
        "the sync manifest \(place) is damaged" + (field.isEmpty ? "" : " at \(field)") + ": \(problem) (remove it to sync the source afresh)"
    }

    public var category: ErrorCategory { .outsideSystem }
}
