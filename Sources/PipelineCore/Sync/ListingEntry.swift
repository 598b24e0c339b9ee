import Foundation

/// One file a source offers: its name under the source, where to fetch it, and the hints its
/// listing gave (size and date), which only decide whether asking is worth it.
public struct ListingEntry: Sendable, Hashable {
    /// The path below the source, `/`-separated: `pr.class`, or `2024/a.csv` in a directory.
    public var name: String
    /// Where the bytes are: a URL for HTTP sources, the key's text for stores and directories.
    public var location: String
    /// The size in bytes the listing gave, when it gave an exact one.
    public var size: Int?
    /// The date the listing gave, as a naive local time `YYYY-MM-DDTHH:MM[:SS]` (listings
    /// say nothing of the zone), or a store's own timestamp.
    public var date: String?
    /// A content fingerprint the source gave (a store's ETag).
    public var etag: String?

    public init(name: String, location: String, size: Int? = nil, date: String? = nil, etag: String? = nil) {
        self.name = name
        self.location = location
        self.size = size
        self.date = date
        self.etag = etag
    }
}

/// A link in a listing that names no file the sync may take, and why.
public struct RefusedEntry: Sendable, Hashable {
    /// The link as written (entities decoded).
    public var link: String
    public var reason: String

    public init(link: String, reason: String) {
        self.link = link
        self.reason = reason
    }
}
