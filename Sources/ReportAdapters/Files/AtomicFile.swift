import Foundation
import ReportKit

/// Writes a file so that readers see the old content or the new, never a part: the bytes go
/// to a temporary file in the same directory, which is then renamed over the target.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `data`.
    ///
    /// A file that exists keeps its mode and owner; a symbolic link is written through: its
    /// target is replaced and the link stays a link.
    ///
    /// - Parameter durable: flush the new bytes to disk before the rename (state that must
    ///   survive a crash, like the cutoff); outputs that can be recomputed skip it.
    /// - Throws: ``FileAccessError`` (exit 3) when the directory is not writable, the owner
    ///   cannot be kept or the rename fails; the target is then unchanged and no temporary
    ///   file is left behind.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let target = resolved(path)
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var existing = stat()
        let exists = stat(target, &existing) == 0
        // Unique enough with O_EXCL: the process id and a random number.
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
        // A new file gets 0666 less the umask; an existing one its own mode, set below.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
        guard descriptor >= 0 else {
            throw FileAccessError(path: path, problem: "cannot write in \(directory.isEmpty ? "." : directory): \(String(cString: strerror(errno)))", category: .outsideSystem)
        }
        var failure: String?
        if exists, fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
            failure = "cannot keep its mode: \(String(cString: strerror(errno)))"
        }
        if failure == nil, exists, existing.st_uid != geteuid() || existing.st_gid != getegid(),
           fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
            failure = "cannot keep its owner \(existing.st_uid):\(existing.st_gid): \(String(cString: strerror(errno)))"
        }
        if failure == nil { data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, failure == nil {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { failure = String(cString: strerror(errno)) } else { offset += written }
            }
        } }
        if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw FileAccessError(path: path, problem: "cannot replace the file: \(failure)", category: .outsideSystem)
        }
    }

    /// Checks, before anything is sent, that ``write(_:to:durable:)`` may replace the file at
    /// `path` (through a symbolic link): it has a write permission bit (a read-only table is
    /// refused even for root, who could replace it), this process may write it, its
    /// directory takes the temporary file, and its owner can be kept.
    ///
    /// - Throws: ``FileAccessError`` (exit 3) naming what stands in the way.
    public static func checkReplaceable(_ path: String) throws {
        let target = resolved(path)
        var status = stat()
        guard stat(target, &status) == 0 else { return }
        let directory = (target as NSString).deletingLastPathComponent
        if status.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw FileAccessError(path: path, problem: "the file is read-only; not replaced", category: .outsideSystem)
        }
        if access(directory.isEmpty ? "." : directory, W_OK | X_OK) != 0 {
            throw FileAccessError(path: path, problem: "cannot write in \(directory.isEmpty ? "." : directory): \(String(cString: strerror(errno)))", category: .outsideSystem)
        }
        if geteuid() != 0, status.st_uid != geteuid() {
            throw FileAccessError(path: path, problem: "owned by user \(status.st_uid); replacing it would change its owner", category: .outsideSystem)
        }
    }

    /// `path` with symbolic links resolved (its real target), or `path` when it names
    /// nothing yet.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// The file's bytes, read straight into an array (no intermediate copy: tables are big).
    ///
    /// - Throws: ``FileAccessError`` (bad input: exit 2) when it is missing or unreadable.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        try read(path, missingIsError: true)!
    }

    private static func read(_ path: String, missingIsError: Bool) throws -> [UInt8]? {
        guard let (descriptor, size) = try openRegularFile(path, missingIsError: missingIsError) else { return nil }
        defer { close(descriptor) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { count = 0; return }
            let got = readFully(descriptor, into: UnsafeMutableRawPointer(base), capacity: size)
            failed = got == nil
            count = got ?? 0
        }
        // A file that grew since fstat: read the rest.
        var chunk = [UInt8](repeating: 0, count: failed ? 0 : 65_536)
        while !failed {
            let got = Foundation.read(descriptor, &chunk, chunk.count)
            if got < 0 { failed = true }
            if got <= 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        if failed {
            throw FileAccessError(path: path, problem: "cannot read the file: \(String(cString: strerror(errno)))", category: .badInput)
        }
        return bytes
    }

    /// The open descriptor and size of the regular file at `path`; `nil` when there is none
    /// and that is no error.
    ///
    /// Opened without blocking, then checked: opening a FIFO for reading would otherwise wait
    /// for a writer forever. A FIFO, socket, device or directory is bad input (exit 2).
    private static func openRegularFile(_ path: String, missingIsError: Bool) throws -> (Int32, Int)? {
        let descriptor = openWithoutBlocking(path)
        guard descriptor >= 0 else {
            if errno == ENOENT, !missingIsError { return nil }
            let problem = errno == ENOENT ? "no such file" : "cannot read the file: \(String(cString: strerror(errno)))"
            throw FileAccessError(path: path, problem: problem, category: .badInput)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            if !missingIsError { return nil }
            throw FileAccessError(path: path, problem: "not a regular file", category: .badInput)
        }
        return (descriptor, max(Int(status.st_size), 0))
    }

    /// `open(path, O_RDONLY)` that cannot hang on a FIFO: opened with `O_NONBLOCK`, which is
    /// then cleared (a regular file ignores it; a caller refuses anything else after `fstat`).
    /// A negative descriptor with `errno` set when it cannot be opened.
    public static func openWithoutBlocking(_ path: String) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor >= 0 {
            let flags = fcntl(descriptor, F_GETFL)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        }
        return descriptor
    }

    /// Reads until `capacity` bytes or the end of the file; how many, or `nil` on an error.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int? {
        var count = 0
        while count < capacity {
            let got = Foundation.read(descriptor, buffer + count, capacity - count)
            if got < 0 { return nil }
            if got == 0 { break }
            count += got
        }
        return count
    }
}

/// A local file could not be read (bad input) or written (a failure of the outside world).
public struct FileAccessError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var category: ErrorCategory

    public init(path: String, problem: String, category: ErrorCategory) {
        self.path = path
        self.problem = problem
        self.category = category
    }

    public var description: String { "\(path): \(problem)" }
}
