import Foundation
import ReportKit

/// An object store in a local directory: key `a/b/c.json` is the file `<root>/a/b/c.json`.
///
/// Keys are checked before any file is touched: empty keys, absolute keys, empty segments
/// (`a//b`), `.` and `..` segments and NUL bytes are rejected, so no key reaches outside the
/// root. ``put(_:_:contentType:)`` is atomic (temporary file, then rename; not flushed to
/// disk, as S3 objects are not either); content types are not kept. Listing walks the tree and returns keys in ascending byte order.
public struct FileObjectStore: ObjectStore {
    public let root: URL

    public init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
    }

    public var displayName: String { root.path }

    public func get(_ key: String) async throws -> Data? {
        let url = try fileURL(key)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ObjectStoreError(.rejected, key: key, "cannot read \(url.path)")
        }
        return data
    }

    public func put(_ key: String, _ data: Data, contentType: String?) async throws {
        let url = try fileURL(key)
        let folder = url.deletingLastPathComponent()
        do {
            // Most writes go to a folder that exists; make it only when the first try says not.
            do {
                try AtomicFile.write(data, to: url.path, durable: false)
            } catch let error as FileAccessError {
                guard !FileManager.default.fileExists(atPath: folder.path) else { throw error }
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try AtomicFile.write(data, to: url.path, durable: false)
            }
        } catch let error as FileAccessError {
            throw ObjectStoreError(.unavailable, key: key, error.problem)
        } catch {
            throw ObjectStoreError(.unavailable, key: key, "cannot create the directory for it under \(root.path)")
        }
    }

    public func list(prefix: String) async throws -> [StoredObject] {
        // Walk only the directory the prefix points into, not the whole root.
        let folder = prefix.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let start = folder.isEmpty || (try? Self.validate(folder)) == nil ? root : root.appendingPathComponent(folder, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(
                  at: start, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey])
        else { return [] }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var objects: [StoredObject] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey])
            guard values?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            let key = String(path.dropFirst(rootPath.count))
            // Skip temporary files of writes in progress.
            guard key.hasPrefix(prefix), !url.lastPathComponent.hasPrefix(".") else { continue }
            objects.append(StoredObject(key: key, size: values?.fileSize ?? 0, lastModified: values?.contentModificationDate))
        }
        return objects.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    public func delete(_ key: String) async throws {
        let url = try fileURL(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw ObjectStoreError(.unavailable, key: key, "cannot delete \(url.path)")
        }
    }

    /// The file for `key`, after checking the key stays inside the root.
    func fileURL(_ key: String) throws(ObjectStoreError) -> URL {
        try Self.validate(key)
        return root.appendingPathComponent(key)
    }

    /// Rejects keys that are empty, absolute, or have empty, `.` or `..` segments or NUL bytes.
    public static func validate(_ key: String) throws(ObjectStoreError) {
        guard !key.isEmpty else { throw ObjectStoreError(.invalidKey, key: key, "an object key cannot be empty") }
        guard !key.hasPrefix("/") else { throw ObjectStoreError(.invalidKey, key: key, "an object key cannot be absolute") }
        guard !key.contains("\0") else { throw ObjectStoreError(.invalidKey, key: key, "an object key cannot hold a NUL byte") }
        for segment in key.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "": throw ObjectStoreError(.invalidKey, key: key, "an object key cannot have an empty segment")
            case ".", "..": throw ObjectStoreError(.invalidKey, key: key, "an object key cannot have a '\(segment)' segment")
            default: continue
            }
        }
    }
}
