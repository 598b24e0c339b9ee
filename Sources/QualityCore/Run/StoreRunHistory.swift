import ReportKit

/// ``RunHistory`` over an object store: the runs `runs.json` lists, their manifests, and
/// the files under their folders. A store without `runs.json` has no earlier runs.
///
/// One history serves one run: the earlier runs do not change while it goes, so `runs.json`
/// and each manifest are read from the store once and remembered, however many reports (the
/// change report, checks with `change for …`, pages) ask. Files are not remembered: each is
/// asked for by one report.
public actor StoreRunHistory: RunHistory {
    public let store: any ObjectStore
    /// `runs.json` once read: `.some(nil)` when the store has none.
    private var index: RunsIndex??
    /// Manifests once read, by key: `nil` for one listed but gone.
    private var read: [ObjectKey: RunManifest?] = [:]

    public init(store: any ObjectStore) {
        self.store = store
    }

    public func manifests(before day: CalendarDay, limit: Int) async throws -> [RunManifest] {
        guard limit > 0, let index = try await runsIndex() else { return [] }
        var manifests: [RunManifest] = []
        for entry in index.runs.filter({ $0.day < day }).sorted(by: { $0.day > $1.day }) {
            guard manifests.count < limit else { break }
            // A run listed whose manifest is gone (removed by hand) is skipped, not an error.
            if let manifest = try await manifest(entry.manifest) { manifests.append(manifest) }
        }
        return manifests
    }

    public func file(_ path: ObjectKey, folder: ReportFolder, day: CalendarDay) async throws -> [UInt8]? {
        try await store.get(try day.reportPrefix(folder).appending(path.text)).map { [UInt8]($0) }
    }

    private func runsIndex() async throws -> RunsIndex? {
        if let index { return index }
        let found = try await store.get(RunsIndex.key).map { try RunsIndex(bytes: [UInt8]($0)) }
        index = .some(found)
        return found
    }

    private func manifest(_ key: ObjectKey) async throws -> RunManifest? {
        if let known = read[key] { return known }
        let found: RunManifest?
        if let bytes = try await store.get(key) {
            do { found = try RunManifest(bytes: [UInt8](bytes)) } catch { throw error.inObject(key) }
        } else {
            found = nil
        }
        read[key] = .some(found)
        return found
    }
}
