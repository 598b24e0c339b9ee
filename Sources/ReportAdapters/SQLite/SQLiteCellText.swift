import CSQLite

/// The text a SQLite value gives a ``TableRowView`` cell.
///
/// - `NULL` is a missing cell.
/// - `INTEGER` and `TEXT`: SQLite's own bytes (an integer in decimal), not copied.
/// - `REAL`: the shortest text that reads back as the same double (Swift's `description`:
///   `0.30000000000000004`, `250.0`, `1e+20`, `inf`), not SQLite's `%.15g` text, which
///   rounds (`0.3`) and so would merge distinct values.
/// - `BLOB`: lowercase hexadecimal (`x'00ff'` gives `00ff`), so every value can be counted
///   and compared; the column's declared type says it is a blob.
///
/// A database stores booleans as the integers 0 and 1, and they stay `0` and `1` here.
struct SQLiteCellText {
    private var cells: [UnsafeRawBufferPointer?]
    /// The formatted cells (reals, blobs) of the current row, back to back.
    private var scratch: [UInt8] = []
    /// The formatted cells' indexes and byte ranges in `scratch`.
    private var formatted: [(index: Int, range: Range<Int>)] = []

    init(columnCount: Int) {
        cells = Array(repeating: nil, count: columnCount)
    }

    /// Calls `body` with the current row of `statement` as cells valid during the call.
    mutating func withRow<T>(of statement: OpaquePointer, _ body: (UnsafeBufferPointer<UnsafeRawBufferPointer?>) throws -> T) rethrows -> T {
        scratch.removeAll(keepingCapacity: true)
        formatted.removeAll(keepingCapacity: true)
        for index in cells.indices {
            let column = Int32(index)
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL:
                cells[index] = nil
            case SQLITE_FLOAT:
                let start = scratch.count
                scratch.append(contentsOf: Self.text(sqlite3_column_double(statement, column)).utf8)
                formatted.append((index, start..<scratch.count))
            case SQLITE_BLOB:
                let start = scratch.count
                let count = Int(sqlite3_column_bytes(statement, column))
                if let blob = sqlite3_column_blob(statement, column) {
                    Self.appendHex(UnsafeRawBufferPointer(start: blob, count: count), to: &scratch)
                }
                formatted.append((index, start..<scratch.count))
            default:
                let text = sqlite3_column_text(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                cells[index] = UnsafeRawBufferPointer(start: text, count: text == nil ? 0 : count)
            }
        }
        return try scratch.withUnsafeBytes { bytes in
            for (index, range) in formatted {
                cells[index] = UnsafeRawBufferPointer(rebasing: bytes[range])
            }
            return try cells.withUnsafeBufferPointer(body)
        }
    }

    /// A REAL's shortest round-trip text.
    static func text(_ value: Double) -> String {
        value.description
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func appendHex(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
    }
}
