import Foundation

/// Where a run's message goes: a chat service (Slack) behind a webhook or an API.
///
/// The message is the service's JSON body without a destination (for Slack: `text`,
/// `blocks`, `attachments`); the publisher adds its channels. A conforming publisher:
/// returns only once every destination accepted the message and throws otherwise (after
/// its own retries); never puts a token or a secret URL in an error or a log line; and
/// throws at once from ``upload(_:)`` when ``canUploadFiles`` is `false`. The previews
/// (for `--dryrun`) send nothing and show the requests with every secret as `***`.
public protocol MessagePublisher: Sendable {
    /// Posts `message` to every destination.
    func post(_ message: JSONValue) async throws
    /// Shares a file in every destination.
    func upload(_ file: MessageFile) async throws
    /// `false` when this publisher cannot share files (an incoming webhook).
    var canUploadFiles: Bool { get }
    /// The requests ``post(_:)`` would send, one JSON object each (`method`, `url`,
    /// `headers`, `body`), secrets replaced by `***`.
    func preview(_ message: JSONValue) -> [JSONValue]
    /// The requests ``upload(_:)`` would send, as in ``preview(_:)``; the file's bytes are
    /// shown by their count.
    func preview(_ file: MessageFile) -> [JSONValue]
}

/// A file to share beside a message.
public struct MessageFile: Sendable, Hashable {
    /// The name the file gets (`summary.csv`).
    public var filename: String
    /// The title shown with it.
    public var title: String
    public var data: Data

    public init(filename: String, title: String? = nil, data: Data) {
        self.filename = filename
        self.title = title ?? filename
        self.data = data
    }
}
