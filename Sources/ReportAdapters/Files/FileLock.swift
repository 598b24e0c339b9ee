import Foundation
import ReportKit

/// An exclusive `flock` on a file, held from before it is read until it is replaced, so
/// that two runs on one file take turns instead of losing an update.
///
/// The lock is on the file itself (no lock file beside it). A writer replaces the file by
/// renaming a new one over it, which leaves the lock on the old inode: so after each wait
/// the path is checked to still name the locked file, and locked anew when it does not. The
/// lock is released when the value is freed or the process ends.
public final class FileLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Locks the file at `path` (through symbolic links), waiting at most `timeout` seconds
    /// for another holder; `waiting` is called once if it has to wait.
    ///
    /// - Throws: ``FileAccessError``: bad input (exit 2) when the file is missing or not a
    ///   regular file, a failure of the outside world (exit 3) when the wait runs out.
    public static func exclusive(_ path: String, timeout: Double, waiting: () -> Void = {}) throws -> FileLock {
        let deadline = Date().addingTimeInterval(timeout)
        var waited = false
        while true {
            let descriptor = AtomicFile.openWithoutBlocking(path)
            guard descriptor >= 0 else {
                let problem = errno == ENOENT ? "no such file" : "cannot read the file: \(String(cString: strerror(errno)))"
                throw FileAccessError(path: path, problem: problem, category: .badInput)
            }
            var locked = stat()
            guard fstat(descriptor, &locked) == 0, locked.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw FileAccessError(path: path, problem: "not a regular file", category: .badInput)
            }
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                    close(descriptor)
                    throw FileAccessError(
                        path: path, problem: "another run holds its lock; gave up after \(Int(timeout)) s, nothing sent", category: .outsideSystem)
                }
                if !waited { waiting(); waited = true }
                usleep(20_000)
            }
            var current = stat()
            if stat(path, &current) == 0, current.st_dev == locked.st_dev, current.st_ino == locked.st_ino {
                return FileLock(descriptor: descriptor)
            }
            close(descriptor)  // replaced while we waited: lock the new file
        }
    }
}
