import ReportKit

/// The statistics files' CSV: `;`-separated, a header line, optional `"quoted"` fields
/// (`""` for a quote inside, line breaks allowed). Every field stays text here;
/// ``StatisticsTable`` decides what is a number.
public struct SemicolonCSV: Sendable {
    public var header: [String]
    /// The records, each as long as the header; `lines[i]` is record i's 1-based line.
    public var records: [[String]]
    public var lines: [Int]

    /// Parses `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String? = nil) throws(ParseError) -> SemicolonCSV {
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(ParseError) in try parse(bytes, file: file) }
    }

    /// Parses UTF-8 bytes; `file` names them in errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String? = nil) throws(ParseError) -> SemicolonCSV {
        var rows: [[String]] = []
        var lines: [Int] = []
        var row: [String] = []
        var line = 1
        var index = 0
        let count = bytes.count
        func error(_ message: String, line: Int) -> ParseError {
            ParseError(file: file, location: SourceLocation(line: line, column: 1), stage: "csv", message: message)
        }
        while index < count {
            let rowLine = line
            row.removeAll(keepingCapacity: true)
            // One record: fields up to the end of the line.
            while true {
                var field: String
                if index < count, bytes[index] == UInt8(ascii: "\"") {
                    var text: [UInt8] = []
                    index += 1
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: "\"") {
                            if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") {
                                text.append(byte)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == 0x0A { line += 1 }
                        text.append(byte)
                        index += 1
                    }
                    guard closed else { throw error("unterminated quoted field", line: rowLine) }
                    field = String(decoding: text, as: UTF8.self)
                    let rest = index
                    while index < count, bytes[index] != UInt8(ascii: ";"), bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                    if index > rest { field += String(decoding: UnsafeBufferPointer(rebasing: bytes[rest..<index]), as: UTF8.self) }
                } else {
                    let start = index
                    while index < count, bytes[index] != UInt8(ascii: ";"), bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                    field = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
                row.append(field)
                if index < count, bytes[index] == UInt8(ascii: ";") {
                    index += 1
                    continue
                }
                break
            }
            if index < count, bytes[index] == 0x0D { index += 1 }
            if index < count, bytes[index] == 0x0A { index += 1 }
            line += 1
            if row.count == 1, row[0].isEmpty { continue }  // a blank line
            rows.append(row)
            lines.append(rowLine)
        }
        guard let header = rows.first else { throw error("the file is empty; expected a header line", line: 1) }
        for (position, record) in rows.enumerated().dropFirst() where record.count != header.count {
            throw error("\(record.count) fields, but the header has \(header.count)", line: lines[position])
        }
        return SemicolonCSV(header: header, records: Array(rows.dropFirst()), lines: Array(lines.dropFirst()))
    }
}
