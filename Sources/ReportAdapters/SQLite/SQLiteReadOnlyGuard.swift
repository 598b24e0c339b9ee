import CSQLite

/// The authorizer that makes every statement on a connection read-only by construction:
/// while SQLite compiles a statement it asks about each action, and only reading (`SELECT`,
/// reading a column, calling a function, a recursive CTE) and a few pragmas that describe a
/// schema are allowed. Anything else (a write, `ATTACH`, a transaction, `VACUUM`, a pragma
/// that sets a value such as `writable_schema = on`) makes the statement fail to prepare, and
/// the guard remembers that it said no, so ``SQLiteStatement`` reports
/// ``SQLiteError/Reason/notReadOnly`` rather than SQLite's "not authorized".
final class SQLiteReadOnlyGuard {
    /// Whether an action was refused since the last ``reset()``.
    private(set) var refused = false

    /// Installs the guard on `connection`; the connection must not outlive it.
    func install(on connection: OpaquePointer) {
        sqlite3_set_authorizer(connection, { context, action, first, _, _, _ in
            guard let context else { return SQLITE_DENY }
            let guardian = Unmanaged<SQLiteReadOnlyGuard>.fromOpaque(context).takeUnretainedValue()
            return guardian.decide(action: action, pragma: first.map { String(cString: $0) }) ? SQLITE_OK : SQLITE_DENY
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    func reset() { refused = false }

    private func decide(action: Int32, pragma: String?) -> Bool {
        let allowed = Self.allows(action: action, pragma: pragma)
        if !allowed { refused = true }
        return allowed
    }

    /// Pragmas that only describe a table or an index (their argument names it, not a value).
    static let describingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    ]

    /// Whether `action` (an `SQLITE_*` authorizer code) only reads; `pragma` is the pragma's
    /// name when the action is one.
    static func allows(action: Int32, pragma: String?) -> Bool {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
            return true
        case SQLITE_PRAGMA:
            return pragma.map { describingPragmas.contains($0.lowercased()) } ?? false
        default:
            return false
        }
    }
}
