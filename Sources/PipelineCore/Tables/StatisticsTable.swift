import ReportKit

/// One row of district statistics: a year, where (sub-district, district, or Oslo), the
/// text keys a function groups by (such as `kjonn`), and the numbers.
///
/// Ids stay text (`0101`, `01`), as the original reads them. A missing number is NaN, as
/// in the original's data frames. The numbers read from a file share one column index, so
/// a row of 121 age columns is an array, not a dictionary; columns set later go beside it.
public struct StatisticsRow: Sendable, Hashable {
    public var date: Int
    public var districtID: String?
    public var districtName: String?
    public var subDistrictID: String?
    public var subDistrictName: String?
    public var keys: [String: String]
    private var columns: ColumnIndex
    private var values: [Double]
    private var added: [String: Double]

    public init(
        date: Int, districtID: String?, districtName: String?, subDistrictID: String?, subDistrictName: String?,
        keys: [String: String] = [:], numbers: [String: Double] = [:]
    ) {
        self.date = date
        self.districtID = districtID
        self.districtName = districtName
        self.subDistrictID = subDistrictID
        self.subDistrictName = subDistrictName
        self.keys = keys
        columns = .empty
        values = []
        added = numbers
    }

    /// A row whose numbers are `values`, in the order of `columns`.
    init(date: Int, districtID: String?, districtName: String?, subDistrictID: String?, subDistrictName: String?,
         keys: [String: String], columns: ColumnIndex, values: [Double]) {
        self.init(date: date, districtID: districtID, districtName: districtName, subDistrictID: subDistrictID,
                  subDistrictName: subDistrictName, keys: keys)
        self.columns = columns
        self.values = values
    }

    /// The number in `column`, NaN when absent.
    public subscript(column: String) -> Double {
        get {
            if let position = columns.position[column] { return values[position] }
            return added[column] ?? .nan
        }
        set {
            if let position = columns.position[column] { values[position] = newValue } else { added[column] = newValue }
        }
    }

    /// The shared column index of the row's file columns, and their values.
    var indexedColumns: (index: ColumnIndex, values: [Double]) {
        get { (columns, values) }
        set {
            columns = newValue.index
            values = newValue.values
        }
    }

    /// The year and place as one text, to join tables on: the year, the district and the
    /// sub-district, and their names too when `withNames`.
    public func yearAndPlace(withNames: Bool = false) -> String {
        let place = withNames
            ? [districtID, districtName, subDistrictID, subDistrictName]
            : [districtID, subDistrictID]
        return "\(date)|" + place.map { $0 ?? "" }.joined(separator: "|")
    }

    /// `true` when the row has the column (even if its value is missing).
    public func has(_ column: String) -> Bool {
        columns.position[column] != nil || added[column] != nil
    }

    /// The names of the row's number columns.
    public var columnNames: [String] { columns.names + added.keys.sorted() }

    /// The sum of the columns whose names are whole numbers (the age columns), missing
    /// values left out.
    public var sumOfNumberedColumns: Double { sumOfNumberedColumns(in: nil) }

    /// The sum of the age columns whose numbers are in `ages` (all when `nil`).
    public func sumOfNumberedColumns(in ages: ClosedRange<Int>?) -> Double {
        var total = 0.0
        for (position, number) in columns.numbered where !values[position].isNaN && ages?.contains(number) != false {
            total += values[position]
        }
        for (name, value) in added where !value.isNaN {
            if let number = Int(name), ages?.contains(number) != false { total += value }
        }
        return total
    }

    /// Every number by column name.
    public var numbers: [String: Double] {
        get {
            var all = added
            for (position, name) in columns.names.enumerated() { all[name] = values[position] }
            return all
        }
        set {
            columns = .empty
            values = []
            added = newValue
        }
    }

    public static func == (lhs: StatisticsRow, rhs: StatisticsRow) -> Bool {
        lhs.date == rhs.date && lhs.districtID == rhs.districtID && lhs.districtName == rhs.districtName
            && lhs.subDistrictID == rhs.subDistrictID && lhs.subDistrictName == rhs.subDistrictName && lhs.keys == rhs.keys
            && lhs.numbers == rhs.numbers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(districtID)
        hasher.combine(subDistrictID)
        hasher.combine(keys)
        hasher.combine(numbers)
    }
}

/// The number columns of a file, shared by its rows.
final class ColumnIndex: Sendable {
    let names: [String]
    let position: [String: Int]
    /// Positions and numbers of the columns named by whole numbers (ages).
    let numbered: [(position: Int, number: Int)]

    init(_ names: [String]) {
        self.names = names
        position = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        numbered = names.indices.compactMap { position in Int(names[position]).map { (position, $0) } }
    }

    static let empty = ColumnIndex([])
}

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
