import ReportKit

/// Reads a stored value-count file (`value,count`, as ``TableSummary`` writes it) back into
/// its values and counts. Values are kept as their text: nothing is re-read as missing (the
/// original re-read `N/A`, `NA`, `null`, … as NaN and showed them as `0`).
public enum ValueCountFile {
    /// The rows of `bytes`; `file` names it in errors (`20240314-reports/…/kind.csv:3`).
    ///
    /// A count may carry the `~` of an estimate (older sketched files); it is read as the number.
    public static func read(_ bytes: [UInt8], file: String) throws -> [(value: String, count: Int)] {
        var rows: [(value: String, count: Int)] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try CSVScanner.scan(buffer, file: file) { record in
                if record.isHeader {
                    guard record.strings == ValueCounts.header else {
                        throw ValueCountFileError("\(file):\(record.line): the header is '\(record.strings.joined(separator: ","))', not 'value,count'")
                    }
                    return
                }
                guard record.count == 2 else {
                    throw ValueCountFileError("\(file):\(record.line): \(record.count) fields, not 2 (value,count)")
                }
                var countText = Substring(record.string(1))
                if countText.first == "~" { countText = countText.dropFirst() }
                guard let count = Int(countText), count >= 0 else {
                    throw ValueCountFileError("\(file):\(record.line): the count '\(record.string(1))' is not a number of rows")
                }
                rows.append((record.string(0), count))
            }
        }
        return rows
    }
}

/// A stored value-count file that cannot be read back.
public struct ValueCountFileError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// The store holds a file ReportKit did not write: the store's problem.
    public var category: ErrorCategory { .outsideSystem }
    public var description: String { message }
}
