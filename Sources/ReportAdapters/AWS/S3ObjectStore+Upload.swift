import Foundation
import ReportKit

extension S3ObjectStore {
    /// Pieces spooled to a local temporary file, sent with one streamed PUT at commit
    /// (``put(_:fileAt:contentType:)``): memory stays flat whatever the size, up to S3's 5 GB
    /// for one PUT. The local file is removed at commit and abort.
    public func upload(_ key: ObjectKey) async throws -> any ObjectUpload {
        let path = NSTemporaryDirectory() + "/reportkit-upload-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ObjectStoreError(.unavailable, key: key.text, "cannot make a temporary file for the upload: \(String(cString: strerror(errno)))")
        }
        return SpooledObjectUpload(store: self, key: key, path: path, descriptor: descriptor)
    }
}

/// An upload spooled to a local file, then put from it.
final class SpooledObjectUpload: ObjectUpload, @unchecked Sendable {
    let store: any ObjectStore
    let key: ObjectKey
    let path: String
    private var descriptor: Int32

    init(store: any ObjectStore, key: ObjectKey, path: String, descriptor: Int32) {
        self.store = store
        self.key = key
        self.path = path
        self.descriptor = descriptor
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
        defer { unlink(path) }
        try await store.put(key, fileAt: path, contentType: contentType)
    }

    func abort() async { discard() }

    private func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(path)
    }
}
