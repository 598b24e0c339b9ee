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
    /// `runs.json`'s read, once asked for (a report asking while it is under way waits for it).
    private var index: Task<RunsIndex?, any Error>?
    /// Each manifest's read, by key, once asked for: `nil` for one listed but gone.
    private var read: [ObjectKey: Task<RunManifest?, any Error>] = [:]

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
        if let index { return try await index.value }
        let store = store
        let reading = Task { try await store.get(RunsIndex.key).map { try RunsIndex(bytes: [UInt8]($0)) } }
        index = reading
        return try await reading.value
    }

    private func manifest(_ key: ObjectKey) async throws -> RunManifest? {
        if let reading = read[key] { return try await reading.value }
        let store = store
        let reading = Task { () throws -> RunManifest? in
            guard let bytes = try await store.get(key) else { return nil }
            do throws(RunRecordError) { return try RunManifest(bytes: [UInt8](bytes)) } catch { throw error.inObject(key) }
        }
        read[key] = reading
        return try await reading.value
    }
}
