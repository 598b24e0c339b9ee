import Foundation
import ReportKit

/// Reaching a key's file without leaving the root: folders opened one at a time, relative
/// to the one above, never through a link.
extension FileObjectStore {
    /// The folder that holds `key`'s file, from the store's cache when an earlier call opened
    /// it (and it has not been removed since); `nil` when a folder on the way is missing and
    /// `creating` is false.
    func folder(of key: ObjectKey, creating: Bool) throws(ObjectStoreError) -> FolderHandle? {
        let path = key.folder.text
        if let cached = folders.handle(for: path) {
            if cached.isLive { return cached }
            folders.forget(path)
        }
        guard let descriptor = try openFolder(of: key, creating: creating) else { return nil }
        let handle = FolderHandle(descriptor)
        folders.keep(handle, for: path)
        return handle
    }

    /// The open folder that holds `key`'s file (the caller closes it); `nil` when a folder on
    /// the way is missing (or is a file) and `creating` is false.
    ///
    /// - Throws: ``ObjectStoreError`` when a folder on the way is a symbolic link (rejected),
    ///   or cannot be opened or made.
    func openFolder(of key: ObjectKey, creating: Bool) throws(ObjectStoreError) -> Int32? {
        try openFolder(key.segments.dropLast(), for: key.text, creating: creating)
    }

    /// The open folder reached through `segments` from the root, for the key (or prefix) `keyText`.
    func openFolder(_ segments: some Sequence<Substring>, for keyText: String, creating: Bool) throws(ObjectStoreError) -> Int32? {
        // Checked first, so a root the system cannot name creates none of its parents.
        if let problem = Self.rootProblem(rootPath) { throw ObjectStoreError(.invalidKey, key: keyText, problem) }
        var folder = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder < 0, errno == ENOENT, creating {
            try? FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
            folder = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard folder >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR, !creating { return nil }
            throw ObjectStoreError(.unavailable, key: keyText, "cannot open the store's folder \(rootPath): \(String(cString: strerror(code)))")
        }
        var walked = ""
        for segment in segments {
            let name = String(segment)
            walked += name + "/"
            var next = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, creating {
                if mkdirat(folder, name, 0o777) != 0, errno != EEXIST {
                    let problem = Self.lastError()
                    close(folder)
                    throw ObjectStoreError(.unavailable, key: keyText, "cannot make the folder \(rootPath)/\(walked): \(problem)")
                }
                next = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let code = errno
                let isLink = Self.isLink(in: folder, name)
                close(folder)
                if isLink {
                    throw ObjectStoreError(.rejected, key: keyText, "\(rootPath)/\(walked.dropLast()) is a symbolic link; the store does not follow links")
                }
                if (code == ENOENT || code == ENOTDIR), !creating { return nil }
                throw ObjectStoreError(.unavailable, key: keyText, "cannot open the folder \(rootPath)/\(walked): \(String(cString: strerror(code)))")
            }
            close(folder)
            folder = next
        }
        return folder
    }

    /// The open regular file of `key` and its size; `nil` when there is none (or a folder is there).
    func openObject(_ key: ObjectKey) throws(ObjectStoreError) -> (descriptor: Int32, size: Int)? {
        guard let handle = try folder(of: key, creating: false) else { return nil }
        let folder = handle.descriptor
        let name = String(key.name)
        // O_NONBLOCK: opening a FIFO does not wait for a writer (it is then refused below).
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == EISDIR { return nil }
            if Self.isLink(in: folder, name) {
                throw ObjectStoreError(.rejected, key: key.text, "\(rootPath)/\(key.text) is a symbolic link; the store does not follow links")
            }
            throw ObjectStoreError(.rejected, key: key.text, "cannot read \(rootPath)/\(key.text): \(String(cString: strerror(code)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw ObjectStoreError(.rejected, key: key.text, "cannot read \(rootPath)/\(key.text): \(Self.lastError())")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return (descriptor, max(Int(status.st_size), 0))
        case S_IFDIR:
            close(descriptor)
            return nil
        default:
            close(descriptor)
            throw ObjectStoreError(.rejected, key: key.text, "\(rootPath)/\(key.text) is not a regular file")
        }
    }

    /// Writes `key`'s file through `fill` into a temporary file beside it, then renames it
    /// into place; on a failure the temporary file is removed and the old file stays.
    func replace(_ key: ObjectKey, _ fill: (Int32) throws -> Void) throws {
        guard let handle = try self.folder(of: key, creating: true) else {
            throw ObjectStoreError(.unavailable, key: key.text, "cannot make the folder for it under \(rootPath)")
        }
        let folder = handle.descriptor
        // Short, so a 255-byte name still has room; a leading dot keeps it out of listings.
        let temporary = ".tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ObjectStoreError(.unavailable, key: key.text, "cannot write in \(rootPath)/\(key.folder.text): \(Self.lastError())")
        }
        do {
            try fill(descriptor)
        } catch {
            close(descriptor)
            unlinkat(folder, temporary, 0)
            throw error
        }
        close(descriptor)
        guard renameat(folder, temporary, folder, String(key.name)) == 0 else {
            let problem = Self.lastError()
            unlinkat(folder, temporary, 0)
            throw ObjectStoreError(.unavailable, key: key.text, "cannot replace \(rootPath)/\(key.text): \(problem)")
        }
    }

    /// Why the system cannot name the store's folder `root` (bad input, exit 2): longer than
    /// `PATH_MAX` bytes, or a component longer than `NAME_MAX`; `nil` when it can. Keys are
    /// reached relative to the root (`openat`), so only the root is bound by `PATH_MAX`.
    static func rootProblem(_ root: String) -> String? {
        let shown = root.utf8.count > 120 ? String(root.prefix(60)) + "…" : root
        if root.utf8.count >= Int(PATH_MAX) {
            return "the store's folder \(shown) is \(root.utf8.count) bytes long; the system's limit is \(PATH_MAX - 1)"
        }
        if let long = root.split(separator: "/").first(where: { $0.utf8.count > Int(NAME_MAX) }) {
            return "the store's folder \(shown) has a \(long.utf8.count)-byte name; the system's limit is \(NAME_MAX)"
        }
        return nil
    }

    /// `true` when `name` in `folder` is a symbolic link.
    static func isLink(in folder: Int32, _ name: String) -> Bool {
        var status = stat()
        return fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// An open folder of a ``FileObjectStore``, closed when the last user lets go. Only ever used
/// with the `*at` calls, which do not share state through the descriptor.
final class FolderHandle: @unchecked Sendable {
    let descriptor: Int32

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// `false` once the folder has been removed.
    var isLive: Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && status.st_nlink > 0
    }
}

/// The folders a ``FileObjectStore`` has opened without following links, by their key
/// prefix (`a/b/`, `""` for the root), so that writing sixteen files into one folder walks
/// the path once, not sixteen times (each walk is an `openat` and a `close` per folder).
/// A folder moved away after it was opened is still written into; the walk, too, can only
/// check the path as it was.
final class FolderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var handles: [String: FolderHandle] = [:]
    /// Folders kept open at most; the cache starts over when full.
    static let capacity = 64

    func handle(for folder: String) -> FolderHandle? {
        lock.withLock { handles[folder] }
    }

    func keep(_ handle: FolderHandle, for folder: String) {
        lock.withLock {
            if handles.count >= Self.capacity { handles.removeAll() }
            handles[folder] = handle
        }
    }

    func forget(_ folder: String) {
        _ = lock.withLock { handles.removeValue(forKey: folder) }
    }
}
