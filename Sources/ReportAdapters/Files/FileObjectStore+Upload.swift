import Foundation
import ReportKit

extension FileObjectStore {
    /// A temporary file beside the key's file (its folder made if need be), renamed into place
    /// at commit and removed at abort: the pieces go straight to disk.
    public func upload(_ key: ObjectKey) async throws -> any ObjectUpload {
        guard let folder = try folder(of: key, creating: true) else {
            throw ObjectStoreError(.unavailable, key: key.text, "cannot make the folder for it under \(rootPath)")
        }
        let temporary = ".tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let descriptor = openat(folder.descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ObjectStoreError(.unavailable, key: key.text, "cannot write in \(rootPath)/\(key.folder.text): \(Self.lastError())")
        }
        return FileObjectUpload(key: key, folder: folder, temporary: temporary, descriptor: descriptor, rootPath: rootPath)
    }
}

/// One upload's temporary file in its key's folder.
final class FileObjectUpload: ObjectUpload, @unchecked Sendable {
    let key: ObjectKey
    let folder: FolderHandle
    let temporary: String
    let rootPath: String
    private var descriptor: Int32

    init(key: ObjectKey, folder: FolderHandle, temporary: String, descriptor: Int32, rootPath: String) {
        self.key = key
        self.folder = folder
        self.temporary = temporary
        self.descriptor = descriptor
        self.rootPath = rootPath
    }

    deinit { discard() }

    func write(_ piece: Data) async throws {
        precondition(descriptor >= 0, "an upload takes nothing after commit or abort")
        do {
            try piece.withUnsafeBytes { try writeAll(descriptor, $0, key: key) }
        } catch {
            discard()
            throw error
        }
    }

    func commit(contentType: String?) async throws {
        precondition(descriptor >= 0, "an upload is committed once")
        close(descriptor)
        descriptor = -1
        guard renameat(folder.descriptor, temporary, folder.descriptor, String(key.name)) == 0 else {
            let problem = FileObjectStore.lastError()
            unlinkat(folder.descriptor, temporary, 0)
            throw ObjectStoreError(.unavailable, key: key.text, "cannot replace \(rootPath)/\(key.text): \(problem)")
        }
    }

    func abort() async { discard() }

    /// Closes and removes the temporary file, unless committed.
    private func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlinkat(folder.descriptor, temporary, 0)
    }
}
