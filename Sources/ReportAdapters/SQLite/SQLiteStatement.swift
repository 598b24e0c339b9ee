import ReportKit
import Foundation
import CSQLite

/// One prepared statement of a ``SQLiteDatabase``, finalized when released.
///
/// Preparing takes exactly one statement: text after it (other than whitespace and comments)
/// is refused, so `select 1; delete from t` never runs its second half.
final class SQLiteStatement {
    let handle: OpaquePointer

    /// Prepares `sql`, the whole text being one statement.
    init(preparing sql: String, in database: SQLiteDatabase, for selection: TableSelection?) throws {
        let bytes = Array(sql.utf8) + [0]
        var prepared: OpaquePointer?
        let trailing: String? = try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { text in
                let base = text.baseAddress!
                let length = text.count - 1
                var tail: UnsafePointer<CChar>?
                database.readOnlyGuard.reset()
                let status = sqlite3_prepare_v3(database.handle, base, Int32(length), 0, &prepared, &tail)
                guard status == SQLITE_OK else {
                    if database.readOnlyGuard.refused {
                        throw SQLiteError(file: database.path, selection: selection, reason: .notReadOnly)
                    }
                    throw database.error(status, for: selection)
                }
                return Self.trailingStatement(after: tail.map { $0 - base } ?? length, in: text, length: length, database: database)
            }
        }
        guard let prepared else {
            throw SQLiteError(file: database.path, selection: selection, reason: .emptyQuery)
        }
        handle = prepared
        if let trailing {
            throw SQLiteError(file: database.path, selection: selection, reason: .moreThanOneStatement(trailing: trailing))
        }
    }

    deinit { sqlite3_finalize(handle) }

    /// The text from `offset` on when it holds another statement (or what SQLite cannot read
    /// as nothing), `nil` when it is only whitespace, comments and semicolons.
    private static func trailingStatement(
        after offset: Int, in text: UnsafeBufferPointer<CChar>, length: Int, database: SQLiteDatabase
    ) -> String? {
        var offset = offset
        while offset < length {
            var next: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let base = text.baseAddress! + offset
            let status = sqlite3_prepare_v3(database.handle, base, Int32(length - offset), 0, &next, &tail)
            if next != nil || status != SQLITE_OK {
                sqlite3_finalize(next)
                let rest = UnsafeBufferPointer(rebasing: text[offset..<length])
                return String(decoding: rest.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ";")))
            }
            guard let tail, tail > base else { break }
            offset = tail - text.baseAddress!
        }
        return nil
    }

    /// Steps once: `true` at a row, `false` when done; SQLite's error otherwise.
    func step(in database: SQLiteDatabase, for selection: TableSelection?) throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(status, for: selection)
        }
    }

    /// The number of result columns.
    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Column `index`'s value as text at the current row, `nil` for NULL.
    func text(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
        return String(cString: text)
    }
}
