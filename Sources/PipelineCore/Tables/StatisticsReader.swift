import ReportKit

extension StatisticsTable {
    /// Reads a statistics file (`;`-separated, a header line) into rows: `aar` is the year,
    /// the place columns are text (empty is none), `columns.keys` are text, `columns.numbers`
    /// numbers (empty is NaN), and every other column is skipped unread.
    ///
    /// The bytes go through ReportKit's ``CSVScanner`` (quotes, every line end, a byte order
    /// mark, blank lines skipped anywhere); this reader adds only what the columns mean.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, columns: StatisticsColumns) throws -> [StatisticsRow] {
        var reader: StatisticsReader?
        var rows: [StatisticsRow] = []
        try CSVScanner.scan(bytes, dialect: .semicolon, file: file, checksFieldCount: true) { record in
            if reader != nil {
                rows.append(try reader!.row(record))
            } else {
                reader = try StatisticsReader(header: record, file: file, columns: columns)
            }
        }
        guard reader != nil else {
            throw ParseError(file: file, location: SourceLocation(line: 1, column: 1), stage: "csv", message: "the file is empty; expected a header line")
        }
        return rows
    }

    /// ``read(_:file:columns:)`` with `keyColumns` as text and every other column a number.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, keyColumns: Set<String> = []) throws -> [StatisticsRow] {
        try read(bytes, file: file, columns: StatisticsColumns(keys: keyColumns, numbers: .everyOther))
    }

    /// ``read(_:file:columns:)`` over a byte array.
    public static func read(_ bytes: [UInt8], file: String, columns: StatisticsColumns) throws -> [StatisticsRow] {
        try bytes.withUnsafeBufferPointer { try read($0, file: file, columns: columns) }
    }

    /// ``read(_:file:keyColumns:)`` over a byte array.
    public static func read(_ bytes: [UInt8], file: String, keyColumns: Set<String> = []) throws -> [StatisticsRow] {
        try bytes.withUnsafeBufferPointer { try read($0, file: file, keyColumns: keyColumns) }
    }
}

/// What each column of one statistics file means, from its header, and the rows read with it.
/// A value, not an object: its caches change with every row, and a class's stored properties
/// would have every such change checked for exclusive access at run time.
struct StatisticsReader {
    private enum Role {
        case date, district, districtName, subDistrict, subDistrictName, key(Int), number(Int), skipped
    }

    private let file: String
    private let roles: [Role]
    private let names: [String]
    private let keyNames: [String]
    private let columns: ColumnIndex
    // Rows repeat their places and keys: a long place name equal to the row before's is that
    // string again, and rows with the same keys share one dictionary (copies are references).
    private var texts: TextCache
    private var keySets: [[String]: [String: String]] = [:]
    private var keyValues: [String]
    /// The key sets made so far, found by their bytes: hashing and comparing a few bytes is
    /// cheaper than making the texts and hashing them.
    private var keySetTable: KeySetTable
    private let keyPositions: [Int]
    /// The number columns' positions and slots, and the other columns read (the year and the
    /// places), each in file order: a row reads the many numbers in one tight loop.
    private let numberColumns: [(position: Int, slot: Int)]
    private let placeColumns: [(position: Int, role: Role)]
    /// NaN for every number column: each row's values start as a copy of it.
    private let missingValues: [Double]

    init(header: CSVRecord, file: String, columns wanted: StatisticsColumns) throws {
        self.file = file
        let names = header.strings
        self.names = names
        var firstPosition: [String: Int] = [:]
        let dateName = names.contains("aar") ? "aar" : "date"
        guard names.contains(dateName) else {
            throw PipelineError.badInput("\(file): no 'aar' column (columns: \(names.joined(separator: ", ")))")
        }
        var roles: [Role] = []
        var numberNames: [String] = []
        var keyNames: [String] = []
        for (position, name) in names.enumerated() {
            let role: Role
            switch name {
            case dateName: role = .date
            case "bydel_id": role = .district
            case "bydel_navn": role = .districtName
            case "delbydel_id": role = .subDistrict
            case "delbydel_navn": role = .subDistrictName
            case _ where wanted.keys.contains(name):
                role = .key(keyNames.count)
                keyNames.append(name)
            case _ where wanted.numbers.contains(name):
                role = .number(numberNames.count)
                numberNames.append(name)
            default: role = .skipped
            }
            if case .skipped = role {} else if let first = firstPosition[name] {
                throw ParseError(
                    file: file, location: header.location(ofField: position), stage: "csv",
                    message: "column '\(name)' appears twice, as columns \(first + 1) and \(position + 1)")
            }
            firstPosition[name] = position
            roles.append(role)
        }
        self.roles = roles
        self.keyNames = keyNames
        columns = ColumnIndex(numberNames)
        texts = TextCache(columns: names.count)
        keyValues = Array(repeating: "", count: keyNames.count)
        var keyPositions = Array(repeating: 0, count: keyNames.count)
        for (position, role) in roles.enumerated() { if case .key(let slot) = role { keyPositions[slot] = position } }
        self.keyPositions = keyPositions
        keySetTable = KeySetTable()
        var numberColumns: [(position: Int, slot: Int)] = []
        var placeColumns: [(position: Int, role: Role)] = []
        for (position, role) in roles.enumerated() {
            switch role {
            case .number(let slot): numberColumns.append((position, slot))
            case .skipped, .key: continue
            case .date, .district, .districtName, .subDistrict, .subDistrictName: placeColumns.append((position, role))
            }
        }
        self.numberColumns = numberColumns
        self.placeColumns = placeColumns
        missingValues = Array(repeating: .nan, count: numberNames.count)
    }

    /// The row `record` holds (the scanner has checked it has the header's field count).
    mutating func row(_ record: CSVRecord) throws -> StatisticsRow {
        let file = self.file, names = self.names
        var date = 0
        var district: String?, districtName: String?, subDistrict: String?, subDistrictName: String?
        // The first number that is not one, as the columns come (an error then names it, or
        // the year before it when that is not a year).
        var badNumber: Int?
        // Every slot is one number column's, so the loop sets each value once (all NaN when
        // it stops at a bad number). The array starts as a copy of ``missingValues``, made
        // when it is first written: that copy is specialized for `Double`, while making a new
        // array (`Array(repeating:count:)`, `unsafeUninitializedCapacity`) looks up the
        // storage type at run time, some 600 instructions a row.
        var values = missingValues
        values.withUnsafeMutableBufferPointer { values in
            badNumber = numberColumns.withUnsafeBufferPointer { numbers in
                for (position, slot) in numbers {
                    // Most fields are small counts the scanner has read already; the others
                    // are read in place.
                    let field = record[position]
                    if let small = field.smallWholeNumber {
                        values[slot] = Double(small)
                        continue
                    }
                    let number = field.hasDoubledQuotes ? record.withField(position, Self.number) : Self.number(record.rawField(position))
                    guard let number else {
                        values.update(repeating: .nan)
                        return position
                    }
                    values[slot] = number
                }
                return nil
            }
        }
        for (position, role) in placeColumns {
            if let bad = badNumber, bad < position { break }
            switch role {
            case .date:
                guard let year = record.withField(position, Self.year) else {
                    throw Self.error(file, record, position, "'\(names[position])' is '\(record.string(position))', expected a year")
                }
                date = year
            case .district: district = record.withField(position) { texts.optional($0, position) }
            case .districtName: districtName = record.withField(position) { texts.optional($0, position) }
            case .subDistrict: subDistrict = record.withField(position) { texts.optional($0, position) }
            case .subDistrictName: subDistrictName = record.withField(position) { texts.optional($0, position) }
            case .number, .key, .skipped: continue
            }
        }
        if let position = badNumber {
            throw Self.error(file, record, position, "column '\(names[position])' is '\(record.string(position))', expected a number")
        }
        var keys: [String: String] = [:]
        if !keyNames.isEmpty {
            if let recent = keySetTable.keys(of: record, at: keyPositions) {
                keys = recent
            } else {
                for (slot, position) in keyPositions.enumerated() {
                    keyValues[slot] = record.withField(position) { texts.text($0, position) }
                }
                if let known = keySets[keyValues] {
                    keys = known
                } else {
                    keys = Dictionary(uniqueKeysWithValues: zip(keyNames, keyValues))
                    keySets[keyValues] = keys
                }
                keySetTable.remember(keys, of: record, at: keyPositions)
            }
        }
        return StatisticsRow(
            date: date, districtID: district, districtName: districtName, subDistrictID: subDistrict,
            subDistrictName: subDistrictName, keys: keys, columns: columns, values: values)
    }

    /// A year: a whole number, spaces around it allowed (what `Int(text)` reads once trimmed).
    private static func year(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var negative = false
        if start < end, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
        }
        guard start < end, end - start <= 18 else { return nil }
        var value = 0
        for index in start..<end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return negative ? -value : value
    }

    /// A number field: spaces around it allowed, empty is NaN; `nil` when it is not a number.
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let number = DecimalText.double(bytes) { return number }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if start == end { return .nan }
        guard start > 0 || end < bytes.count else { return nil }
        return DecimalText.double(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    private static func error(_ file: String, _ record: CSVRecord, _ position: Int, _ message: String) -> ParseError {
        ParseError(file: file, location: record.location(ofField: position), stage: "csv", message: message)
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
        if let previous = last[column], KeySetTable.same(previous.bytes, raw) { return previous.text }
        let text = String(decoding: raw, as: UTF8.self)
        last[column] = (Array(raw), text)
        return text
    }
}
