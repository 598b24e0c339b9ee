import Foundation
import ReportKit

/// Whole-buffer reads and writes on descriptors, for ``FileObjectStore``.
extension FileObjectStore {
    /// The whole file, read into a buffer the data then owns (and the rest, if it grew since `fstat`).
    func readAll(_ descriptor: Int32, size: Int, key: ObjectKey) throws(ObjectStoreError) -> Data {
        var data = try readPiece(descriptor, at: 0, count: size + 1, key: key)
        guard data.count > size else { return data }
        while true {
            let more = try readPiece(descriptor, at: data.count, count: 1 << 16, key: key)
            if more.isEmpty { return data }
            data.append(more)
        }
    }

    /// Up to `count` bytes from `offset` (`pread(2)`); fewer only at the end of the file.
    func readPiece(_ descriptor: Int32, at offset: Int, count: Int, key: ObjectKey) throws(ObjectStoreError) -> Data {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        var got = 0
        while got < count {
            let n = pread(descriptor, buffer + got, count - got, off_t(offset + got))
            if n < 0, errno == EINTR { continue }
            if n < 0 {
                buffer.deallocate()
                throw ObjectStoreError(.rejected, key: key.text, "cannot read \(rootPath)/\(key.text): \(Self.lastError())")
            }
            if n == 0 { break }
            got += n
        }
        return Data(bytesNoCopy: buffer, count: got, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }
}

/// Writes all of `bytes` to `descriptor`.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, key: ObjectKey) throws(ObjectStoreError) {
    var offset = 0
    while offset < bytes.count {
        let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0, errno == EINTR { continue }
        if written < 0 { throw ObjectStoreError(.unavailable, key: key.text, "cannot write: \(FileObjectStore.lastError())") }
        offset += written
    }
}

/// One open descriptor read a piece at a time, so a file replaced meanwhile is read as
/// the version first opened.
final class FileChunkSource: ChunkSource {
    let store: FileObjectStore
    let key: ObjectKey
    let size: Int
    private var descriptor: Int32 = -1
    private var offset = 0
    private var finished = false

    init(store: FileObjectStore, key: ObjectKey, size: Int) {
        self.store = store
        self.key = key
        self.size = size
    }

    func next() async throws -> Data? {
        guard !finished else { return nil }
        if descriptor < 0 {
            guard let file = try store.openObject(key) else {
                finished = true
                throw ObjectStoreError(.notFound, key: key.text, "no such object in \(store.displayName)")
            }
            descriptor = file.descriptor
        }
        let piece = try store.readPiece(descriptor, at: offset, count: size, key: key)
        offset += piece.count
        if piece.count < size { finish() }
        return piece.isEmpty ? nil : piece
    }

    private func finish() {
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}
