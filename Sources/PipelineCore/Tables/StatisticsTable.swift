import ReportKit

/// A statistics file read into rows.
public enum StatisticsTable {
    /// The columns every file has; the year column is `aar` (or `date`).
    static let placeColumns = ["delbydel_id", "delbydel_navn", "bydel_id", "bydel_navn"]

    /// Reads `csv`: `aar` is the year, the place columns are text (empty is none), columns in
    /// `keyColumns` are text, every other column a number (empty is NaN).
    public static func rows(_ csv: SemicolonCSV, file: String, keyColumns: Set<String> = []) throws(PipelineError) -> [StatisticsRow] {
        guard let dateIndex = csv.header.firstIndex(of: "aar") ?? csv.header.firstIndex(of: "date") else {
            throw PipelineError.badInput("\(file): no 'aar' column (columns: \(csv.header.joined(separator: ", ")))")
        }
        let index = Dictionary(csv.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let numberColumns = csv.header.enumerated().filter { $0.offset != dateIndex && !placeColumns.contains($0.element) && !keyColumns.contains($0.element) }
        let columns = ColumnIndex(numberColumns.map(\.element))
        var rows: [StatisticsRow] = []
        rows.reserveCapacity(csv.records.count)
        for (position, record) in csv.records.enumerated() {
            let line = csv.lines[position]
            guard let date = Int(record[dateIndex].trimmingSpaces) else {
                throw PipelineError.badInput("\(file):\(line): 'aar' is '\(record[dateIndex])', expected a year")
            }
            func text(_ column: String) -> String? {
                guard let at = index[column] else { return nil }
                let value = record[at]
                return value.isEmpty ? nil : value
            }
            var values: [Double] = []
            values.reserveCapacity(numberColumns.count)
            for (at, name) in numberColumns {
                let raw = record[at]
                if let whole = wholeNumber(raw) { values.append(whole); continue }
                let trimmed = raw.trimmingSpaces
                if trimmed.isEmpty { values.append(.nan); continue }
                guard let number = Double(trimmed) else {
                    throw PipelineError.badInput("\(file):\(line): column '\(name)' is '\(raw)', expected a number")
                }
                values.append(number)
            }
            var keys: [String: String] = [:]
            for column in keyColumns { keys[column] = text(column) ?? "" }
            rows.append(StatisticsRow(
                date: date, districtID: text("bydel_id"), districtName: text("bydel_navn"), subDistrictID: text("delbydel_id"),
                subDistrictName: text("delbydel_navn"), keys: keys, columns: columns, values: values))
        }
        return rows
    }
}

/// A whole number of at most 15 digits written plainly (`42`, `-7`); `nil` for anything else.
@inline(__always)
func wholeNumber(_ text: String) -> Double? {
    text.utf8.withContiguousStorageIfAvailable { wholeNumber($0) } ?? nil
}

/// A whole number of at most 15 digits written plainly, from bytes; `nil` for anything else.
@inline(__always)
func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
    var index = 0
    let negative = bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    guard index < bytes.count else { return nil }
    var value = 0
    while index < bytes.count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
        index += 1
    }
    return negative ? -Double(value) : Double(value)
}

extension String {
    /// Without leading and trailing spaces (most fields have none, and are returned as is).
    var trimmingSpaces: String {
        guard utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") else { return self }
        let bytes = Array(utf8)
        let start = bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.count
        let end = (bytes.lastIndex { $0 != UInt8(ascii: " ") } ?? -1) + 1
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : ""
    }
}
