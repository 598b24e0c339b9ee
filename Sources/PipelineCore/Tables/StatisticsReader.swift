import Foundation
import ReportKit

extension StatisticsTable {
    /// Reads a statistics file's bytes into rows. Files without quotes — the usual case — are
    /// read in one pass straight from the bytes, numbers without making strings first;
    /// files with quoted fields go through ``SemicolonCSV``. Same rows, same errors.
    public static func read(_ bytes: [UInt8], file: String, keyColumns: Set<String> = []) throws -> [StatisticsRow] {
        try bytes.withUnsafeBufferPointer { buffer in try read(buffer, file: file, keyColumns: keyColumns) }
    }

    /// ``read(_:file:keyColumns:)`` over bytes held elsewhere (a store's data), without copying them.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, keyColumns: Set<String> = []) throws -> [StatisticsRow] {
        if let start = bytes.baseAddress, memchr(start, Int32(UInt8(ascii: "\"")), bytes.count) != nil {
            return try rows(SemicolonCSV.parse(bytes, file: file), file: file, keyColumns: keyColumns)
        }
        return try fastRows(bytes, file: file, keyColumns: keyColumns)
    }

    private enum Role {
        case date, district, districtName, subDistrict, subDistrictName, key(Int), number(Int)
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
        var keyNames: [String] = []
        var roles: [Role] = []
        for (position, name) in header.enumerated() {
            switch name {
            case _ where position == dateIndex: roles.append(.date)
            case "bydel_id": roles.append(.district)
            case "bydel_navn": roles.append(.districtName)
            case "delbydel_id": roles.append(.subDistrict)
            case "delbydel_navn": roles.append(.subDistrictName)
            case _ where keyColumns.contains(name):
                roles.append(.key(keyNames.count))
                keyNames.append(name)
            default:
                roles.append(.number(numberNames.count))
                numberNames.append(name)
            }
        }
        let columns = ColumnIndex(numberNames)
        // Rows repeat their places and keys: a long place name equal to the row before's is that
        // string again, and rows with the same keys share one dictionary (copies are references).
        var texts = TextCache(columns: header.count)
        var keySets: [[String]: [String: String]] = [:]
        var rows: [StatisticsRow] = []
        var line = 1
        index += 1
        var keyValues = [String](repeating: "", count: keyNames.count)
        while index < bytes.count {
            line += 1
            // A blank line.
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                index += bytes[index] == 0x0A ? 1 : 2
                continue
            }
            var date: Int?
            var district: String?, districtName: String?, subDistrict: String?, subDistrictName: String?
            var values = [Double](repeating: .nan, count: numberNames.count)
            var column = 0
            try values.withUnsafeMutableBufferPointer { values in
                while true {
                    let fieldStart = index
                    var parsed = false
                    // Most fields are plain numbers: read them in the same pass that finds their end.
                    if column < roles.count, case .number(let slot) = roles[column],
                       let (number, next) = plainNumber(bytes, from: index) {
                        values[slot] = number
                        index = next
                        parsed = true
                    }
                    while index < bytes.count, bytes[index] != UInt8(ascii: ";"), bytes[index] != 0x0A { index += 1 }
                    let atEnd = index >= bytes.count || bytes[index] == 0x0A
                    var fieldEnd = index
                    if atEnd, fieldEnd > fieldStart, bytes[fieldEnd - 1] == 0x0D { fieldEnd -= 1 }
                    if !parsed, column < roles.count {
                        let raw = UnsafeBufferPointer(rebasing: bytes[fieldStart..<fieldEnd])
                        switch roles[column] {
                        case .number(let slot):
                            let text = field(fieldStart, fieldEnd)
                            let trimmed = text.trimmingSpaces
                            if !trimmed.isEmpty {
                                guard let number = Double(trimmed) else {
                                    throw PipelineError.badInput("\(file):\(line): column '\(numberNames[slot])' is '\(text)', expected a number")
                                }
                                values[slot] = number
                            }
                        case .date:
                            date = Int(field(fieldStart, fieldEnd).trimmingSpaces)
                            if date == nil {
                                throw PipelineError.badInput("\(file):\(line): 'aar' is '\(field(fieldStart, fieldEnd))', expected a year")
                            }
                        case .district: district = texts.optional(raw, column)
                        case .districtName: districtName = texts.optional(raw, column)
                        case .subDistrict: subDistrict = texts.optional(raw, column)
                        case .subDistrictName: subDistrictName = texts.optional(raw, column)
                        case .key(let slot): keyValues[slot] = texts.text(raw, column)
                        }
                    }
                    column += 1
                    index += 1
                    if atEnd { break }
                }
            }
            guard column == header.count else {
                throw ParseError(file: file, location: SourceLocation(line: line, column: 1), stage: "csv",
                                 message: "\(column) fields, but the header has \(header.count)")
            }
            var keys: [String: String] = [:]
            if !keyNames.isEmpty {
                if let known = keySets[keyValues] {
                    keys = known
                } else {
                    keys = Dictionary(uniqueKeysWithValues: zip(keyNames, keyValues))
                    keySets[keyValues] = keys
                }
            }
            rows.append(StatisticsRow(
                date: date ?? 0, districtID: district, districtName: districtName, subDistrictID: subDistrict,
                subDistrictName: subDistrictName, keys: keys, columns: columns, values: values))
        }
        return rows
    }
}

/// The text fields of a file. Up to 15 bytes a string is stored inline, without allocating;
/// a longer field equal to the one its column had in the row before is that string again
/// (rows of the same place follow each other).
private struct TextCache {
    private var last: [(bytes: [UInt8], text: String)?]

    init(columns: Int) {
        last = Array(repeating: nil, count: columns)
    }

    /// The field as text; empty is `nil`.
    mutating func optional(_ raw: UnsafeBufferPointer<UInt8>, _ column: Int) -> String? {
        raw.isEmpty ? nil : text(raw, column)
    }

    mutating func text(_ raw: UnsafeBufferPointer<UInt8>, _ column: Int) -> String {
        guard raw.count > 15 else { return String(decoding: raw, as: UTF8.self) }
        if let previous = last[column], previous.bytes.elementsEqual(raw) { return previous.text }
        let text = String(decoding: raw, as: UTF8.self)
        last[column] = (Array(raw), text)
        return text
    }
}

/// The number a field starts with when it is written plainly and ends there, and where it
/// ends: `-`, up to 15 digits with at most one `.` among them, then `;`, a line end or the end
/// of the file. Such a number is `digits / 10^decimals` with both exactly representable, so
/// one division gives the correctly rounded value, the one `Double(text)` gives (Clinger's
/// fast path). Anything else (an empty field, spaces, an exponent) is left to `Double(text)`.
@inline(__always)
func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Double, next: Int)? {
    var index = start
    let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    var mantissa = 0
    var digits = 0
    var decimals = -1
    while index < bytes.count {
        let byte = bytes[index]
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 {
            mantissa = mantissa &* 10 &+ Int(digit)
            digits += 1
            if decimals >= 0 { decimals += 1 }
        } else if byte == UInt8(ascii: "."), decimals < 0 {
            decimals = 0
        } else {
            break
        }
        index += 1
    }
    guard digits > 0, digits <= 15, decimals != 0 else { return nil }
    if index < bytes.count {
        let byte = bytes[index]
        let ends = byte == UInt8(ascii: ";") || byte == 0x0A
            || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] == 0x0A))
        guard ends else { return nil }
    }
    var value = Double(mantissa)
    if decimals > 0 { value /= powersOfTen[decimals] }
    return (negative ? -value : value, index)
}

private let powersOfTen: [Double] = (0...15).map { power in (0..<power).reduce(1.0) { value, _ in value * 10 } }
