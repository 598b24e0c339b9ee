import CSQLite
import Foundation
import ReportKit

/// A read-only connection to one SQLite database file.
///
/// The file is opened with `SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX` through its URI with
/// `?mode=ro`, so neither SQLite nor a statement can write it; defensive mode is on, `ATTACH`
/// is off, and an authorizer lets statements read and nothing else (``SQLiteReadOnlyGuard``).
/// A path that is not a regular file (a directory, a FIFO, a device) is refused before SQLite
/// sees it. A connection belongs to one task at a time (it is not `Sendable`).
public final class SQLiteDatabase {
    /// The database file as the caller named it (messages use it).
    public let path: String
    let handle: OpaquePointer
    /// The authorizer installed on `handle`, which it must outlive.
    let readOnlyGuard = SQLiteReadOnlyGuard()

    /// Opens the file at `path` for reading. `busyTimeout` is how long a statement waits for
    /// another process's write lock before it fails with `SQLITE_BUSY`.
    public init(readingAt path: String, busyTimeout: Duration = .seconds(5)) throws {
        self.path = path
        try Self.checkReadableRegularFile(path)
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite3_open_v2(Self.uri(forPath: path), &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let reason = connection.map { Self.reason(status, on: $0) }
                ?? .sqlite(code: status, extendedCode: status, message: String(cString: sqlite3_errstr(status)))
            sqlite3_close_v2(connection)
            throw SQLiteError(file: path, reason: reason)
        }
        handle = connection
        sqlite3_extended_result_codes(connection, 1)
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(connection, Int32(clamping: milliseconds))
        _ = csqlite_defensive(connection)
        sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
        readOnlyGuard.install(on: connection)
    }

    deinit {
        sqlite3_close_v2(handle)
        withExtendedLifetime(readOnlyGuard) {}
    }

    /// The database's tables and views by name (SQLite's own `sqlite_*` tables left out).
    public func tableNames() throws -> [String] {
        try tableNames(for: nil)
    }

    /// The table names; errors name `selection`, which is being looked up.
    func tableNames(for selection: TableSelection?) throws -> [String] {
        let sql = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        let statement = try SQLiteStatement(preparing: sql, in: self, for: selection)
        var names: [String] = []
        while try statement.step(in: self, for: selection) {
            names.append(statement.text(0) ?? "")
        }
        return names
    }

    /// SQLite's reason for `status` on `connection`: its codes and message.
    static func reason(_ status: Int32, on connection: OpaquePointer) -> SQLiteError.Reason {
        let extended = sqlite3_extended_errcode(connection)
        let message = String(cString: sqlite3_errmsg(connection))
        return .sqlite(code: status & 0xFF, extendedCode: extended, message: message)
    }

    /// The error for `status`, naming this file and `selection`.
    func error(_ status: Int32, for selection: TableSelection?) -> SQLiteError {
        SQLiteError(file: path, selection: selection, reason: Self.reason(status, on: handle))
    }
}

extension SQLiteDatabase {
    /// Refuses a path that is missing, unreadable or not a regular file, before SQLite opens
    /// it (opening a FIFO would block; a directory is not a database).
    static func checkReadableRegularFile(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw SQLiteError(file: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw SQLiteError(file: path, reason: .notARegularFile(kind: Self.describe(kind)))
        }
        guard access(path, R_OK) == 0 else {
            throw SQLiteError(file: path, reason: .unreadable(String(cString: strerror(errno))))
        }
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }

    /// `file:///absolute/path?mode=ro`, the path made absolute and percent-encoded (all but
    /// unreserved characters and `/`), so `?`, `#` and `%` in a name stay part of the name.
    static func uri(forPath path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for byte in absolute.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "-._~/".unicodeScalars.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return "file://" + encoded + "?mode=ro"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
