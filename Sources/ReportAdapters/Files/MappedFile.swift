import Foundation
import ReportKit

/// A file mapped read-only into memory: big tables are parsed straight from the page cache,
/// with no copy and no read buffer.
public final class MappedFile {
    public let path: String
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Size, modification time and inode when mapped: enough to notice a later change.
    public let fingerprint: FileFingerprint

    /// - Throws: ``FileAccessError`` (bad input: exit 2) when the file is missing or unreadable.
    public init(path: String) throws {
        self.path = path
        // Not blocking: a FIFO would wait for a writer forever; it is refused below.
        let descriptor = AtomicFile.openWithoutBlocking(path)
        guard descriptor >= 0 else {
            let problem = errno == ENOENT ? "no such file" : "cannot read the file: \(String(cString: strerror(errno)))"
            throw FileAccessError(path: path, problem: problem, category: .badInput)
        }
        defer { close(descriptor) }
        guard let fingerprint = FileFingerprint(descriptor: descriptor), fingerprint.isRegularFile else {
            throw FileAccessError(path: path, problem: "not a regular file", category: .badInput)
        }
        self.fingerprint = fingerprint
        guard fingerprint.size > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, fingerprint.size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw FileAccessError(path: path, problem: "cannot map the file: \(String(cString: strerror(errno)))", category: .badInput)
        }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: fingerprint.size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}

/// What identifies one version of a file without reading it again.
public struct FileFingerprint: Sendable, Equatable {
    public var size: Int
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    public var inode: UInt64
    public var isRegularFile: Bool

    public init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        size = Int(status.st_size)
        (modifiedSeconds, modifiedNanoseconds) = FileStatus.modified(status)
        inode = UInt64(status.st_ino)
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The fingerprint of the file at `path` now, `nil` when it cannot be read.
    public init?(path: String) {
        let descriptor = AtomicFile.openWithoutBlocking(path)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        self.init(descriptor: descriptor)
    }
}
