import Foundation
import ReportKit

/// Writes a file so that readers see the old content or the new, never a part: the bytes go
/// to a temporary file in the same directory, which is then renamed over the target.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `data`.
    ///
    /// - Parameter durable: flush the new bytes to disk before the rename (state that must
    ///   survive a crash, like the cutoff); outputs that can be recomputed skip it.
    /// - Throws: ``FileAccessError`` (exit 3) when the directory is not writable or the rename fails;
    ///   the target is then unchanged and no temporary file is left behind.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // Unique enough with O_EXCL: the process id and a random number.
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileAccessError(path: path, problem: "cannot write in \(directory.isEmpty ? "." : directory): \(String(cString: strerror(errno)))", category: .outsideSystem)
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, failure == nil {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { failure = String(cString: strerror(errno)) } else { offset += written }
            }
        }
        if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw FileAccessError(path: path, problem: "cannot replace the file: \(failure)", category: .outsideSystem)
        }
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
