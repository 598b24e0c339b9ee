import ReportKit

/// One file a report made: its path inside the report's folder, its content type and bytes.
public struct ReportFile: Sendable, Hashable {
    /// Relative to the report's folder: `summaries/participant/summary.csv`.
    public var path: ObjectKey
    public var contentType: ContentType
    public var bytes: [UInt8]

    public init(path: ObjectKey, contentType: ContentType, bytes: [UInt8]) {
        self.path = path
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// A stored file's media type, as its `Content-Type` says it.
public struct ContentType: Sendable, Hashable, CustomStringConvertible {
    /// The header value: `text/csv; charset=utf-8`.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var description: String { text }

    public static let csv = ContentType("text/csv; charset=utf-8")
    public static let json = ContentType("application/json")
    public static let html = ContentType("text/html; charset=utf-8")
    public static let svg = ContentType("image/svg+xml")
    /// A Jupyter notebook.
    public static let notebook = ContentType("application/x-ipynb+json")
    public static let plainText = ContentType("text/plain; charset=utf-8")
}
