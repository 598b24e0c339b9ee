import CSQLite

/// Interrupts a statement that runs past its deadline or whose task is cancelled: SQLite's
/// progress handler asks it every thousand virtual-machine steps, and a non-zero answer makes
/// the statement fail with `SQLITE_INTERRUPT`.
final class SQLiteProgressWatch {
    let deadline: ContinuousClock.Instant?
    private(set) var expired = false
    private(set) var cancelled = false

    init(timeout: Duration?) {
        deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// Whether to interrupt now.
    func shouldInterrupt() -> Bool {
        if Task.isCancelled {
            cancelled = true
            return true
        }
        if let deadline, ContinuousClock.now >= deadline {
            expired = true
            return true
        }
        return false
    }

    /// Runs `body` with this watch as `connection`'s progress handler, removed afterwards.
    func watching<T>(_ connection: OpaquePointer, _ body: () throws -> T) rethrows -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(connection, 1000, { context in
            guard let context else { return 0 }
            return Unmanaged<SQLiteProgressWatch>.fromOpaque(context).takeUnretainedValue().shouldInterrupt() ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }
}
