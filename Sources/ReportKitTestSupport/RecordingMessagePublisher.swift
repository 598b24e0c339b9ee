import Foundation
import ReportKit

/// A message publisher that records what it is given, for tests of the jobs that post.
/// It fails with `failure` when one is set, as a publisher that gave up would.
public final class RecordingMessagePublisher: MessagePublisher, @unchecked Sendable {
    private let lock = NSLock()
    private var posted: [JSONValue] = []
    private var uploaded: [MessageFile] = []
    private let failure: (any Error)?
    public let canUploadFiles: Bool

    public init(canUploadFiles: Bool = true, failure: (any Error)? = nil) {
        self.canUploadFiles = canUploadFiles
        self.failure = failure
    }

    public func post(_ message: JSONValue) async throws {
        lock.withLock { posted.append(message) }
        if let failure { throw failure }
    }

    public func upload(_ file: MessageFile) async throws {
        guard canUploadFiles else { throw UploadNotSupported(filename: file.filename) }
        lock.withLock { uploaded.append(file) }
        if let failure { throw failure }
    }

    public func preview(_ message: JSONValue) -> [JSONValue] {
        [["method": "POST", "url": "memory:post", "body": message]]
    }

    public func preview(_ file: MessageFile) -> [JSONValue] {
        [["method": "POST", "url": "memory:upload", "body": ["filename": .string(file.filename), "bytes": .number(Double(file.data.count))]]]
    }

    /// Every message posted so far, in order.
    public var messages: [JSONValue] { lock.withLock { posted } }
    /// Every file uploaded so far, in order.
    public var files: [MessageFile] { lock.withLock { uploaded } }
}

/// A file was handed to a publisher that cannot upload.
public struct UploadNotSupported: Error, CustomStringConvertible {
    public let filename: String
    public var description: String { "this publisher cannot upload files (\(filename))" }
}
