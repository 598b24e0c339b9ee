import ReportKit

/// The text a COPY CSV field gives a ``TableRowView`` cell, per column type.
///
/// - An empty unquoted field is `NULL`: missing. A quoted field's doubled quotes are one.
/// - `boolean`: PostgreSQL's `t`/`f` become `True`/`False` (pandas' spelling, which the
///   profile reads as booleans and the fixtures' CSV files use).
/// - `real`, `double precision`: the shortest text that reads back as the same double
///   (`464.0`, `0.30000000000000004`, `inf`, `nan`), as the SQLite source gives REALs, so the
///   same values give the same profile from either database or a CSV file.
/// - Everything else as the server wrote it (`numeric` keeps its scale: `12.50`).
final class PostgresCellText {
    private enum Conversion { case none, boolean, float }

    private let conversions: [Conversion]
    private let cells: UnsafeMutableBufferPointer<UnsafeRawBufferPointer?>
    private var scratch: UnsafeMutableRawBufferPointer

    init(types: [PostgresType]) {
        conversions = types.map { type in
            switch type {
            case .boolean: return .boolean
            case .real, .doublePrecision: return .float
            default: return .none
            }
        }
        cells = .allocate(capacity: max(types.count, 1))
        cells.initialize(repeating: nil)
        scratch = .allocate(byteCount: 1024, alignment: 1)
    }

    deinit {
        cells.deallocate()
        scratch.deallocate()
    }

    private static let trueText = Array("True".utf8)
    private static let falseText = Array("False".utf8)

    /// Calls `body` with `record`'s cells, valid during the call.
    func withRow<T>(_ record: CSVRecord, _ body: (UnsafeBufferPointer<UnsafeRawBufferPointer?>) throws -> T) rethrows -> T {
        let needed = record.bytes.count + 32 * record.count
        if needed > scratch.count {
            scratch.deallocate()
            scratch = .allocate(byteCount: max(needed, scratch.count * 2), alignment: 1)
        }
        var used = 0
        func keep(_ bytes: some Sequence<UInt8>) -> UnsafeRawBufferPointer {
            let start = used
            for byte in bytes {
                scratch[used] = byte
                used += 1
            }
            return UnsafeRawBufferPointer(rebasing: scratch[start..<used])
        }
        for index in 0..<min(record.count, cells.count) {
            let field = record[index]
            if field.count == 0, !field.isQuoted {
                cells[index] = nil
                continue
            }
            var value = UnsafeRawBufferPointer(record.rawField(index))
            if field.hasDoubledQuotes { value = record.withField(index) { keep($0) } }
            switch conversions[index] {
            case .none:
                cells[index] = value
            case .boolean:
                cells[index] = value.count == 1 && value[0] == UInt8(ascii: "t") ? keep(Self.trueText)
                    : value.count == 1 && value[0] == UInt8(ascii: "f") ? keep(Self.falseText) : value
            case .float:
                cells[index] = Self.isPositional(value) ? value
                    : Self.isWholeNumber(value) ? keep(value + Self.pointZero) : keep(Self.doubleText(value))
            }
        }
        return try body(UnsafeBufferPointer(cells))
    }

    private static let pointZero = Array(".0".utf8)

    /// `[-]digits.digits` of at most 17 significant digits, with a digit before the point unless
    /// it is below 1e-4 (`0.0000…`): PostgreSQL's shortest text and Swift's `description` agree
    /// there, so the bytes are used as they are.
    static func isPositional(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        guard index < bytes.count, bytes[index].isDigit else { return false }
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if sawPoint { return false }
                sawPoint = true
            } else if !byte.isDigit {
                return false
            }
            index += 1
        }
        // 0.000123 is positional in PostgreSQL and 0.000123 in Swift too, but 0.0000123 is 1.23e-05 in both.
        return sawPoint && bytes.last != UInt8(ascii: ".") && !(bytes.starts(with: Array("0.0000".utf8)) || bytes.starts(with: Array("-0.0000".utf8)))
    }

    /// `[-]digits` of at most 15 digits: PostgreSQL writes `464` where Swift writes `464.0`.
    static func isWholeNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.count <= 15 && digits.allSatisfy { $0.isDigit }
    }

    /// Anything else (exponents, `Infinity`, `NaN`): read as a double and written back.
    static func doubleText(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Double(String(decoding: bytes, as: UTF8.self)).map { Array($0.description.utf8) } ?? Array(bytes)
    }

    /// Calls `body` with one `NULL` cell (a one-column row that is `NULL`).
    func withNullRow<T>(_ body: (UnsafeBufferPointer<UnsafeRawBufferPointer?>) throws -> T) rethrows -> T {
        cells[0] = nil
        return try body(UnsafeBufferPointer(cells))
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
