import Foundation
import ReportKit

/// Writes a file so that readers see the old content or the new, never a part: the bytes go
/// to a temporary file in the same directory, which is then renamed over the target.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `data`.
    ///
    /// - Throws: ``FileAccessError`` (exit 3) when the directory is not writable or the rename fails;
    ///   the target is then unchanged and no temporary file is left behind.
    public static func write(_ data: Data, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw FileAccessError(path: path, problem: "cannot write in \(directory.path)", category: .outsideSystem)
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FileAccessError(path: path, problem: "cannot replace the file: \(reason)", category: .outsideSystem)
        }
    }

    /// The file's bytes.
    ///
    /// - Throws: ``FileAccessError`` (bad input: exit 2) when it is missing or unreadable.
    public static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw FileAccessError(path: path, problem: exists ? "cannot read the file" : "no such file", category: .badInput)
        }
        return data
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
