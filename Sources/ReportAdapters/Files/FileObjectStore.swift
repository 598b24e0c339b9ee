import Foundation
import ReportKit

/// An object store in a local directory: key `a/b/c.json` is the file `<root>/a/b/c.json`.
///
/// Keys are ``ObjectKey``s, so none names a place outside the root; and no path under the
/// root is followed through a symbolic link: every folder is opened relative to the one
/// above it with `O_NOFOLLOW`, and a link where a folder or an object should be is refused
/// (a link `root/out -> ..` cannot make `out/x` a file outside the root). The root itself may
/// be a link. Puts are atomic (a temporary file, then a rename; not flushed to disk, as S3
/// objects are not either); content types are not kept. Listing walks the tree under the
/// prefix's folder (links are skipped, so are files whose names start with `.`: they are
/// writes in progress) and returns keys in ascending byte order. Files are reached through
/// plain system calls: a step reads and writes a few files, and the per-call costs of
/// `FileManager` (user and group lookups, extended attributes) would be most of its time.
public struct FileObjectStore: ObjectStore {
    public let root: URL
    let rootPath: String
    /// Folders already opened, shared by copies of the store.
    let folders = FolderCache()

    public init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let path = self.root.path
        rootPath = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    public var displayName: String { root.path }

    public func get(_ key: ObjectKey) async throws -> Data? {
        guard let file = try openObject(key) else { return nil }
        defer { close(file.descriptor) }
        return try readAll(file.descriptor, size: file.size, key: key)
    }

    public func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? {
        precondition(!range.isEmpty && range.lowerBound >= 0, "a read range is not empty and starts at 0 or later")
        guard let file = try openObject(key) else { return nil }
        defer { close(file.descriptor) }
        return try readPiece(file.descriptor, at: range.lowerBound, count: range.count, key: key)
    }

    /// The file's size from `fstat`.
    public func size(of key: ObjectKey) async throws -> Int? {
        guard let file = try openObject(key) else { return nil }
        close(file.descriptor)
        return file.size
    }

    public func chunks(_ key: ObjectKey, size: Int) -> ObjectChunks {
        precondition(size > 0, "a chunk has at least one byte")
        return ObjectChunks { FileChunkSource(store: self, key: key, size: size) }
    }

    public func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws {
        try replace(key) { descriptor in
            try data.withUnsafeBytes { try writeAll(descriptor, $0, key: key) }
        }
    }

    public func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws {
        let source = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard source >= 0 else { throw ObjectStoreError(.rejected, key: key.text, "cannot read \(path): \(Self.lastError())") }
        defer { close(source) }
        var status = stat()
        guard fstat(source, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ObjectStoreError(.rejected, key: key.text, "\(path) is not a regular file")
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.copyBufferSize, alignment: 16)
        defer { buffer.deallocate() }
        try replace(key) { descriptor in
            while true {
                let got = Foundation.read(source, buffer.baseAddress, buffer.count)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw ObjectStoreError(.rejected, key: key.text, "cannot read \(path): \(Self.lastError())")
                }
                if got == 0 { return }
                try writeAll(descriptor, UnsafeRawBufferPointer(rebasing: buffer[0..<got]), key: key)
            }
        }
    }

    /// Bytes copied per `read(2)` when a put streams a file.
    static let copyBufferSize = 1 << 20

    public func list(prefix: ObjectPrefix) async throws -> [StoredObject] {
        // Walk only the folder the prefix points into, not the whole root.
        let start = prefix.folder.text
        guard let folder = try openFolder(start.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }, for: start, creating: false) else {
            return []
        }
        var objects: [StoredObject] = []
        walk(folder, start, prefix: prefix.text, into: &objects)
        return objects.sorted { $0.key < $1.key }
    }

    /// Adds the regular files under the open `folder` (whose keys start with `keyPrefix`,
    /// `""` or ending in `/`) that match `prefix`; closes `folder`. Links are not followed.
    private func walk(_ folder: Int32, _ keyPrefix: String, prefix: String, into objects: inout [StoredObject]) {
        guard let directory = fdopendir(folder) else {
            close(folder)
            return
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(validatingCString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard let name, name != ".", name != ".." else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let path = keyPrefix + name
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                let child = path + "/"
                guard child.utf8.starts(with: prefix.utf8) || prefix.utf8.starts(with: child.utf8) else { continue }
                let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if opened >= 0 { walk(opened, child, prefix: prefix, into: &objects) }
            case S_IFREG where !name.hasPrefix("."):
                guard path.utf8.starts(with: prefix.utf8), let key = try? ObjectKey(path) else { continue }
                objects.append(StoredObject(key: key, size: Int(status.st_size), lastModified: FileStatus.modifiedDate(status)))
            default:
                continue
            }
        }
    }

    public func delete(_ key: ObjectKey) async throws {
        guard let folder = try folder(of: key, creating: false) else { return }
        guard unlinkat(folder.descriptor, String(key.name), 0) == 0 || errno == ENOENT else {
            throw ObjectStoreError(.unavailable, key: key.text, "cannot delete \(rootPath)/\(key.text): \(Self.lastError())")
        }
    }
}
