import Foundation

/// A tiny RFC 4180 reader for the tests' fixtures (the real scanner lives in ReportKit/CSV
/// on another branch): `,` separated, `"` quoted with doubled quotes inside, line breaks
/// inside quotes kept as they are, records ending at `\n` or `\r\n`.
enum TestCSV {
    /// The header and the data rows of `text`.
    static func read(_ text: String) -> (header: [String], rows: [[String]]) {
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        func endField() { record.append(String(decoding: field, as: UTF8.self)); field.removeAll() }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                endField()
                records.append(record)
                record.removeAll()
            } else {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty { endField(); records.append(record) }
        return (records.first ?? [], Array(records.dropFirst()))
    }
}
