import Foundation
import ReportKit

extension StatisticsTable {
    /// Reads a statistics file's bytes into rows. Files without quotes — the usual case — are
    /// read in one pass straight from the bytes, numbers without making strings first;
    /// files with quoted fields go through ``SemicolonCSV``. Same rows, same errors.
    public static func read(_ bytes: [UInt8], file: String, keyColumns: Set<String> = []) throws -> [StatisticsRow] {
        if bytes.contains(UInt8(ascii: "\"")) {
            return try rows(SemicolonCSV.parse(String(decoding: bytes, as: UTF8.self), file: file), file: file, keyColumns: keyColumns)
        }
        return try bytes.withUnsafeBufferPointer { buffer in try fastRows(buffer, file: file, keyColumns: keyColumns) }
    }

    private enum Role {
        case date, district, districtName, subDistrict, subDistrictName, key(String), number(Int)
    }

    private static func fastRows(_ bytes: UnsafeBufferPointer<UInt8>, file: String, keyColumns: Set<String>) throws -> [StatisticsRow] {
        var index = 0
        func field(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        // The header.
        var header: [String] = []
        var start = 0
        while index < bytes.count, bytes[index] != 0x0A {
            if bytes[index] == UInt8(ascii: ";") { header.append(field(start, index)); start = index + 1 }
            index += 1
        }
        var headerEnd = index
        if headerEnd > start, bytes[headerEnd - 1] == 0x0D { headerEnd -= 1 }
        header.append(field(start, max(start, headerEnd)))
        if header == [""] {
            throw ParseError(file: file, location: SourceLocation(line: 1, column: 1), stage: "csv", message: "the file is empty; expected a header line")
        }
        guard let dateIndex = header.firstIndex(of: "aar") ?? header.firstIndex(of: "date") else {
            throw PipelineError.badInput("\(file): no 'aar' column (columns: \(header.joined(separator: ", ")))")
        }
        var numberNames: [String] = []
        var roles: [Role] = []
        for (position, name) in header.enumerated() {
            switch name {
            case _ where position == dateIndex: roles.append(.date)
            case "bydel_id": roles.append(.district)
            case "bydel_navn": roles.append(.districtName)
            case "delbydel_id": roles.append(.subDistrict)
            case "delbydel_navn": roles.append(.subDistrictName)
            case _ where keyColumns.contains(name): roles.append(.key(name))
            default:
                roles.append(.number(numberNames.count))
                numberNames.append(name)
            }
        }
        let columns = ColumnIndex(numberNames)
        var rows: [StatisticsRow] = []
        var line = 1
        index += 1
        while index < bytes.count {
            line += 1
            // A blank line.
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                index += bytes[index] == 0x0A ? 1 : 2
                continue
            }
            var date: Int?
            var place: [String?] = [nil, nil, nil, nil]
            var keys: [String: String] = [:]
            for case .key(let name) in roles { keys[name] = "" }
            var values = [Double](repeating: .nan, count: numberNames.count)
            var column = 0
            var fieldStart = index
            while true {
                let atEnd = index >= bytes.count || bytes[index] == 0x0A
                if atEnd || bytes[index] == UInt8(ascii: ";") {
                    var fieldEnd = index
                    if atEnd, fieldEnd > fieldStart, bytes[fieldEnd - 1] == 0x0D { fieldEnd -= 1 }
                    if column < roles.count {
                        let empty = fieldEnd == fieldStart
                        switch roles[column] {
                        case .date:
                            date = Int(field(fieldStart, fieldEnd).trimmingSpaces)
                            if date == nil {
                                throw PipelineError.badInput("\(file):\(line): 'aar' is '\(field(fieldStart, fieldEnd))', expected a year")
                            }
                        case .district: place[0] = empty ? nil : field(fieldStart, fieldEnd)
                        case .districtName: place[1] = empty ? nil : field(fieldStart, fieldEnd)
                        case .subDistrict: place[2] = empty ? nil : field(fieldStart, fieldEnd)
                        case .subDistrictName: place[3] = empty ? nil : field(fieldStart, fieldEnd)
                        case .key(let name): keys[name] = field(fieldStart, fieldEnd)
                        case .number(let slot):
                            if let whole = wholeNumber(UnsafeBufferPointer(rebasing: bytes[fieldStart..<fieldEnd])) {
                                values[slot] = whole
                            } else if !empty {
                                let text = field(fieldStart, fieldEnd)
                                let trimmed = text.trimmingSpaces
                                if !trimmed.isEmpty {
                                    guard let number = Double(trimmed) else {
                                        throw PipelineError.badInput("\(file):\(line): column '\(numberNames[slot])' is '\(text)', expected a number")
                                    }
                                    values[slot] = number
                                }
                            }
                        }
                    }
                    column += 1
                    fieldStart = index + 1
                    if atEnd { break }
                }
                index += 1
            }
            index += 1
            guard column == header.count else {
                throw ParseError(file: file, location: SourceLocation(line: line, column: 1), stage: "csv",
                                 message: "\(column) fields, but the header has \(header.count)")
            }
            rows.append(StatisticsRow(
                date: date ?? 0, districtID: place[0], districtName: place[1], subDistrictID: place[2], subDistrictName: place[3],
                keys: keys, columns: columns, values: values))
        }
        return rows
    }
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
