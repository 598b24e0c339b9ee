import ReportKit

/// The statistics files' CSV: `;`-separated, a header line, optional `"quoted"` fields
/// (`""` for a quote inside). Every field stays text here; ``StatisticsTable`` decides what
/// is a number.
public struct SemicolonCSV: Sendable {
    public var header: [String]
    /// The records, each as long as the header; `lines[i]` is record i's 1-based line.
    public var records: [[String]]
    public var lines: [Int]

    /// Parses `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String? = nil) throws(ParseError) -> SemicolonCSV {
        var rows: [[String]] = []
        var lines: [Int] = []
        var field = ""
        var row: [String] = []
        var quoted = false
        var line = 1
        var rowLine = 1
        var column = 0
        var fieldStarted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func finishRow() {
            row.append(field)
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row); lines.append(rowLine) }
            row = []
            field = ""
            fieldStarted = false
        }
        while let scalar = pending {
            pending = iterator.next()
            column += 1
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next(); column += 1 } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1; column = 0 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            case ";":
                row.append(field)
                field = ""
                fieldStarted = false
            case "\r" where pending == "\n":
                continue
            case "\n":
                finishRow()
                line += 1
                rowLine = line
                column = 0
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if quoted {
            throw ParseError(file: file, location: SourceLocation(line: rowLine, column: 1), stage: "csv", message: "unterminated quoted field")
        }
        if !field.isEmpty || !row.isEmpty { finishRow() }
        guard let header = rows.first else {
            throw ParseError(file: file, location: SourceLocation(line: 1, column: 1), stage: "csv", message: "the file is empty; expected a header line")
        }
        for (index, record) in rows.enumerated().dropFirst() where record.count != header.count {
            throw ParseError(
                file: file, location: SourceLocation(line: lines[index], column: 1), stage: "csv",
                message: "\(record.count) fields, but the header has \(header.count)")
        }
        return SemicolonCSV(header: header, records: Array(rows.dropFirst()), lines: Array(lines.dropFirst()))
    }
}
