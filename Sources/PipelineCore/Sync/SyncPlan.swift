import ReportKit

/// What a run does with each file, decided from the source's listing, the manifest of the
/// last run and the keys the store holds; no request made yet.
public struct SyncPlan: Sendable, Hashable {
    /// A file to ask the source for.
    public struct Fetch: Sendable, Hashable {
        public var entry: ListingEntry
        public var key: ObjectKey
        /// The stored file, when there is one: the request is conditional on it, and bytes
        /// with its SHA-256 are not written again.
        public var stored: SyncManifest.File?

        /// The headers that make the request conditional: `If-None-Match` with the stored
        /// ETag, `If-Modified-Since` with the stored `Last-Modified`.
        public var conditionalHeaders: [(name: String, value: String)] {
            var headers: [(name: String, value: String)] = []
            if let etag = stored?.etag { headers.append(("If-None-Match", etag)) }
            if let lastModified = stored?.lastModified { headers.append(("If-Modified-Since", lastModified)) }
            return headers
        }

        public static func == (lhs: Fetch, rhs: Fetch) -> Bool {
            lhs.entry == rhs.entry && lhs.key == rhs.key && lhs.stored == rhs.stored
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    }

    /// Files new to the manifest (or gone from the store), fetched without conditions.
    public var new: [Fetch] = []
    /// Files whose listing hints changed (or gave none): fetched conditionally.
    public var check: [Fetch] = []
    /// Files whose listing size and date equal the manifest's: no request.
    public var unchanged: [SyncManifest.File] = []
    /// Files in the manifest the source no longer offers.
    public var gone: [SyncManifest.File] = []
    /// Links the listing offered that the sync refused, and names that make no key.
    public var refused: [RefusedEntry] = []

    public init() {}

    /// The plan for `source`'s `entries` (already read from its listing) against `manifest`;
    /// `storedKeys` are the keys under the source's prefix that the store holds (a manifest
    /// entry whose object was removed by hand is fetched again).
    public static func make(
        source: SyncSource, entries: [ListingEntry], manifest: SyncManifest, storedKeys: Set<ObjectKey>
    ) -> SyncPlan {
        var plan = SyncPlan()
        var offered = Set<String>()
        for entry in entries where source.takes(entry.name) {
            if let problem = SyncName.problem(entry.name) {
                plan.refused.append(RefusedEntry(link: entry.location, reason: problem))
                continue
            }
            let key: ObjectKey
            do {
                key = try source.key(for: entry.name)
            } catch {
                plan.refused.append(RefusedEntry(link: entry.location, reason: error.message))
                continue
            }
            guard offered.insert(entry.name).inserted else { continue }
            guard let stored = manifest.files[entry.name], stored.key == key, storedKeys.contains(key) else {
                plan.new.append(Fetch(entry: entry, key: key, stored: nil))
                continue
            }
            if let size = entry.size, let date = entry.date, size == stored.size, date == stored.listingDate {
                plan.unchanged.append(stored)
            } else if let etag = entry.etag, etag == stored.etag, entry.size == nil || entry.size == stored.size {
                plan.unchanged.append(stored)
            } else {
                plan.check.append(Fetch(entry: entry, key: key, stored: stored))
            }
        }
        plan.gone = manifest.files.values.filter { !offered.contains($0.name) }.sorted { $0.name < $1.name }
        return plan
    }

    /// Every fetch, new ones first, in listing order within each.
    public var fetches: [Fetch] { new + check }
}
