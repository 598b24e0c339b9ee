import ReportKit

/// ``RunHistory`` over an object store: the runs `runs.json` lists, their manifests, and
/// the files under their folders. A store without `runs.json` has no earlier runs.
public struct StoreRunHistory: RunHistory {
    public var store: any ObjectStore

    public init(store: any ObjectStore) {
        self.store = store
    }

    public func manifests(before day: CalendarDay, limit: Int) async throws -> [RunManifest] {
        guard limit > 0, let data = try await store.get(RunsIndex.key) else { return [] }
        let index = try RunsIndex(bytes: [UInt8](data))
        var manifests: [RunManifest] = []
        for entry in index.runs.filter({ $0.day < day }).sorted(by: { $0.day > $1.day }) {
            guard manifests.count < limit else { break }
            // A run listed whose manifest is gone (removed by hand) is skipped, not an error.
            guard let bytes = try await store.get(entry.manifest) else { continue }
            do { manifests.append(try RunManifest(bytes: [UInt8](bytes))) } catch { throw error.inObject(entry.manifest) }
        }
        return manifests
    }

    public func file(_ path: ObjectKey, folder: ReportFolder, day: CalendarDay) async throws -> [UInt8]? {
        try await store.get(try day.reportPrefix(folder).appending(path.text)).map { [UInt8]($0) }
    }
}
