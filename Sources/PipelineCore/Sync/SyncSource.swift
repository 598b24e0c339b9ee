import ReportKit

/// One source a sync takes files from, as a sources file or the command line gives it.
public struct SyncSource: Sendable, Hashable {
    /// What the source is, and where.
    public enum Origin: Sendable, Hashable {
        /// A web server's directory listing (IIS, Apache, nginx): every file it links to.
        case httpListing(String)
        /// One URL (a JSON API), saved under `saveAs`.
        case url(String, saveAs: String)
        /// A local directory, every file below it.
        case directory(String)
        /// Another object store (`s3://bucket/prefix`, or a store directory).
        case store(String)

        /// The kind's word in a sources file.
        public var kind: String {
            switch self {
            case .httpListing: "http-listing"
            case .url: "url"
            case .directory: "directory"
            case .store: "store"
            }
        }

        /// `true` for the kinds fetched over HTTP.
        public var isHTTP: Bool {
            switch self {
            case .httpListing, .url: true
            case .directory, .store: false
            }
        }
    }

    /// The source's name: its manifest is `.reportkit/sync/<name>.json`.
    public var name: String
    public var origin: Origin
    /// Where its files go in the store: `bls/pr/` + `pr.class`.
    public var into: ObjectPrefix
    /// Names to take (all when empty), and names to leave even when included.
    public var include: [SyncGlob]
    public var exclude: [SyncGlob]

    public init(name: String, origin: Origin, into: ObjectPrefix, include: [SyncGlob] = [], exclude: [SyncGlob] = []) {
        self.name = name
        self.origin = origin
        self.into = into
        self.include = include
        self.exclude = exclude
    }

    /// Whether the file `name` is part of the source after its globs.
    public func takes(_ name: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(name) }) && !exclude.contains { $0.matches(name) }
    }

    /// The key of the source's manifest.
    public var manifestKey: ObjectKey {
        // The name is checked when the source is made (letters, digits, `-`, `_`, `.`).
        // swiftlint:disable:next force_try
        try! ObjectKey(".reportkit/sync/\(name).json")
    }

    /// The key file `name` is stored at.
    public func key(for name: String) throws(ObjectStoreError) -> ObjectKey {
        try into.appending(name)
    }

    /// Why `name` cannot name a source, or `nil`: 1–100 of `A–Z a–z 0–9 - _ .`, not starting with `.`.
    public static func nameProblem(_ name: String) -> String? {
        guard !name.isEmpty, name.utf8.count <= 100 else { return "must be 1 to 100 characters long" }
        guard name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }),
              !name.hasPrefix(".")
        else { return "may hold only letters, digits, '-', '_' and '.', and not start with '.'" }
        return nil
    }
}
