import ReportKit

/// Where a table (or a SQL report's database) lives, as a reports file names it in one string.
///
/// | written | value |
/// |---|---|
/// | `data/participant.csv` (any other text) | ``file(_:)``, relative to the reports file |
/// | `s3://BUCKET/KEY` | ``object(bucket:key:)`` |
/// | `sqlite://PATH` | ``sqlite(database:selection:)`` with no selection (a SQL report's source) |
/// | `sqlite://PATH?table=T` | the table `T` |
/// | `sqlite://PATH?query=SQL` | the rows of `SQL`, taken as written (no percent-decoding) |
/// | `postgres://…`, `postgresql://…` | ``postgres(_:)``, kept for the PostgreSQL source |
public enum DataSource: Sendable, Hashable, CustomStringConvertible {
    /// A CSV, TSV or JSON Lines file.
    case file(RelativePath)
    /// An object in an S3 bucket.
    case object(bucket: String, key: ObjectKey)
    /// A SQLite database file, and what to read from it (nothing: the SQL report's query says).
    case sqlite(database: RelativePath, selection: TableSelection?)
    /// A PostgreSQL connection URL, as written.
    case postgres(PostgresURL)

    /// `text` as a source.
    public init(_ text: String) throws(RegistryProblem) {
        if let rest = text.dropPrefix("s3://") {
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else {
                throw RegistryProblem("an s3:// source needs a bucket and a key: s3://BUCKET/KEY")
            }
            let bucket = String(rest[..<slash])
            guard Self.isBucketName(bucket) else {
                throw RegistryProblem("'\(bucket)' is not an S3 bucket name (3 to 63 lower-case letters, digits, '.' and '-')")
            }
            do {
                self = .object(bucket: bucket, key: try ObjectKey(String(rest[rest.index(after: slash)...])))
            } catch {
                throw RegistryProblem("'\(text)' is not a store key: \(error.message)")
            }
        } else if let rest = text.dropPrefix("sqlite://") {
            let (path, query) = rest.splitOnce("?")
            let database = try RelativePath(String(path))
            guard let query else {
                self = .sqlite(database: database, selection: nil)
                return
            }
            let (name, value) = query.splitOnce("=")
            guard let value, !value.isEmpty else {
                throw RegistryProblem("a sqlite:// source takes ?table=NAME or ?query=SQL, not '?\(query)'")
            }
            switch name {
            case "table": self = .sqlite(database: database, selection: .table(String(value)))
            case "query": self = .sqlite(database: database, selection: .query(String(value)))
            default: throw RegistryProblem("a sqlite:// source takes ?table=NAME or ?query=SQL, not '?\(name)='")
            }
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(PostgresURL(text: text))
        } else if let colon = text.range(of: "://") {
            throw RegistryProblem("unknown source scheme '\(text[..<colon.lowerBound])://' (a path, s3://, sqlite:// or postgres://)")
        } else {
            self = .file(try RelativePath(text))
        }
    }

    /// `true` for a source that names a whole database, not one table: what a SQL report queries.
    public var isDatabase: Bool {
        switch self {
        case .sqlite(_, nil), .postgres: return true
        default: return false
        }
    }

    /// S3's bucket rule, simplified: 3–63 of `a-z 0-9 . -`, starting and ending with a letter or digit.
    static func isBucketName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isEdge(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard (3...63).contains(bytes.count), isEdge(bytes[0]), isEdge(bytes[bytes.count - 1]) else { return false }
        return bytes.allSatisfy { isEdge($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// `true` for a file or a store object: text whose dialect may be declared.
    public var isTextFile: Bool {
        switch self {
        case .file, .object: return true
        case .sqlite, .postgres: return false
        }
    }

    /// The source as written, normalised, with any password replaced by `***`.
    public var description: String {
        switch self {
        case .file(let path): return path.text
        case .object(let bucket, let key): return "s3://\(bucket)/\(key.text)"
        case .sqlite(let database, nil): return "sqlite://\(database.text)"
        case .sqlite(let database, .table(let table)): return "sqlite://\(database.text)?table=\(table)"
        case .sqlite(let database, .query(let query)): return "sqlite://\(database.text)?query=\(query)"
        case .postgres(let url): return url.redacted
        }
    }
}

/// A PostgreSQL connection URL. Its text may hold a password: show ``redacted``, never ``text``.
public struct PostgresURL: Sendable, Hashable {
    /// The URL as written.
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// The URL with the password of `user:password@` replaced by `***`.
    public var redacted: String { Self.redactingPasswords(in: text) }

    /// `text` with the password of every `scheme://user:password@` in it replaced by `***`: from
    /// the first `:` after `://` to the last `@` of the text, so a password holding `/`, `?`, `#`
    /// or `@` is hidden whole (a line may lose more than the password, never less).
    public static func redactingPasswords(in text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[...colon]) + "***" + String(text[at...])
    }
}

extension String {
    /// The rest after `prefix`, or `nil` when the string doesn't start with it.
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}

extension StringProtocol {
    /// The parts before and after the first `separator`; the second is `nil` without one.
    func splitOnce(_ separator: Character) -> (SubSequence, SubSequence?) {
        guard let found = firstIndex(of: separator) else { return (self[...], nil) }
        return (self[..<found], self[self.index(after: found)...])
    }
}
