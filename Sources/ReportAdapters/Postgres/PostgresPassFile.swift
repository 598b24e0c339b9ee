import Foundation

/// A `~/.pgpass` file (libpq's "The Password File"): one `host:port:database:user:password`
/// per line, where each of the first four fields may be `*` (any value), `\:` and `\\` are
/// a literal `:` and `\`, and lines starting with `#` are comments. The first matching line
/// gives the password. A socket connection's host matches `localhost` (or the socket
/// directory written out).
///
/// libpq's permission rule holds: a file that the group or others may read or write (mode
/// beyond `0600`) is ignored, with a warning, as is anything but a regular file.
public struct PostgresPassFile: Sendable, Hashable {
    /// One line: four patterns and the password.
    struct Entry: Sendable, Hashable {
        var host: String
        var port: String
        var database: String
        var user: String
        var password: String
    }

    let entries: [Entry]

    /// The lines of `text`; a line with fewer than five fields is skipped.
    public init(text: String) {
        entries = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .compactMap(Self.entry)
    }

    /// The password of the first line matching all four values.
    public func password(host: String, port: Int, database: String, user: String) -> PostgresPassword? {
        password(hosts: [host], port: port, database: database, user: user)
    }

    func password(hosts: [String], port: Int, database: String, user: String) -> PostgresPassword? {
        func matches(_ pattern: String, _ value: String) -> Bool { pattern == "*" || pattern == value }
        let found = entries.first { entry in
            hosts.contains { matches(entry.host, $0) } && matches(entry.port, String(port))
                && matches(entry.database, database) && matches(entry.user, user)
        }
        return found.map { PostgresPassword($0.password) }
    }

    /// `host:port:database:user:password` with `\` escapes; the password is the rest of the
    /// line after the fourth unescaped `:`.
    static func entry(_ line: Substring) -> Entry? {
        guard !line.hasPrefix("#") else { return nil }
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard fields.count == 4 else { return nil }
        return Entry(host: fields[0], port: fields[1], database: fields[2], user: fields[3], password: current)
    }

    /// The file at `path`, or `nil` with why it is not used: missing (no warning), not a
    /// regular file, or readable or writable by the group or others (libpq's rule).
    public static func load(path: String) -> (file: PostgresPassFile?, warning: String?) {
        var status = stat()
        guard stat(path, &status) == 0 else { return (nil, nil) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            return (nil, "the password file \(path) is not a regular file; it is not used")
        }
        guard status.st_mode & 0o077 == 0 else {
            let mode = String(status.st_mode & 0o777, radix: 8)
            return (nil, "the password file \(path) has group or world access (mode \(mode)); permissions should be u=rw (0600) or less, so it is not used")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, "the password file \(path) cannot be read; it is not used")
        }
        return (PostgresPassFile(text: String(decoding: data, as: UTF8.self)), nil)
    }
}
