import Foundation
import ReportKit

/// An object store in a local directory: key `a/b/c.json` is the file `<root>/a/b/c.json`.
///
/// Keys are checked before any file is touched: empty keys, absolute keys, empty segments
/// (`a//b`), `.` and `..` segments and NUL bytes are rejected, so no key reaches outside the
/// root. ``put(_:_:contentType:)`` is atomic (temporary file, then rename; not flushed to
/// disk, as S3 objects are not either); content types are not kept. Listing walks the tree
/// under the prefix's folder (symbolic links are not followed, files whose names start with
/// `.` are skipped: they are writes in progress) and returns keys in ascending byte order.
/// Files are reached through plain system calls: a step reads and writes a few files, and
/// the per-call costs of `FileManager` (user and group lookups, extended attributes) would
/// be most of its time.
public struct FileObjectStore: ObjectStore {
    public let root: URL
    private let rootPath: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let path = self.root.path
        rootPath = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    public var displayName: String { root.path }

    public func get(_ key: String) async throws -> Data? {
        let path = try filePath(key)
        do {
            return try AtomicFile.readDataIfPresent(path)
        } catch let error as FileAccessError {
            throw ObjectStoreError(.rejected, key: key, error.description)
        }
    }

    public func put(_ key: String, _ data: Data, contentType: String?) async throws {
        let path = try filePath(key)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            // Most writes go to a folder that exists; make it only when the first try says not.
            do {
                try AtomicFile.write(data, to: path, durable: false)
            } catch let error as FileAccessError {
                var status = stat()
                guard stat(folder, &status) != 0 else { throw error }
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try AtomicFile.write(data, to: path, durable: false)
            }
        } catch let error as FileAccessError {
            throw ObjectStoreError(.unavailable, key: key, error.problem)
        } catch {
            throw ObjectStoreError(.unavailable, key: key, "cannot create the directory for it under \(rootPath)")
        }
    }

    public func list(prefix: String) async throws -> [StoredObject] {
        // Walk only the directory the prefix points into, not the whole root.
        let folder = prefix.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let start = folder.isEmpty || (try? Self.validate(folder)) == nil ? "" : folder + "/"
        var objects: [StoredObject] = []
        walk(start) { key, status in
            guard key.hasPrefix(prefix) else { return }
            objects.append(StoredObject(key: key, size: Int(status.st_size), lastModified: FileStatus.modifiedDate(status)))
        }
        return objects.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// Calls `visit` with the key and status of every regular file under the folder `keyPrefix`
    /// (`""` for the root, else ending in `/`).
    private func walk(_ keyPrefix: String, _ visit: (String, stat) -> Void) {
        guard let directory = opendir(rootPath + "/" + keyPrefix) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            var status = stat()
            guard lstat(rootPath + "/" + keyPrefix + name, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(keyPrefix + name + "/", visit)
            case S_IFREG where !name.hasPrefix("."): visit(keyPrefix + name, status)
            default: continue
            }
        }
    }

    public func delete(_ key: String) async throws {
        let path = try filePath(key)
        guard unlink(path) == 0 || errno == ENOENT else {
            throw ObjectStoreError(.unavailable, key: key, "cannot delete \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The file for `key`, after checking the key stays inside the root.
    func filePath(_ key: String) throws(ObjectStoreError) -> String {
        try Self.validate(key)
        return rootPath + "/" + key
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
