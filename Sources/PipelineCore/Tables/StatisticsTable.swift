import ReportKit

/// One row of district statistics: a year, where (sub-district, district, or Oslo), the
/// text keys a function groups by (such as `kjonn`), and the numbers.
///
/// Ids stay text (`0101`, `01`), as the original reads them. A missing number is NaN, as
/// in the original's data frames.
public struct StatisticsRow: Sendable, Hashable {
    public var date: Int
    public var districtID: String?
    public var districtName: String?
    public var subDistrictID: String?
    public var subDistrictName: String?
    public var keys: [String: String]
    public var numbers: [String: Double]

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
        self.numbers = numbers
    }

    /// The number in `column`, NaN when absent.
    public subscript(column: String) -> Double {
        get { numbers[column] ?? .nan }
        set { numbers[column] = newValue }
    }
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
            var numbers: [String: Double] = [:]
            for (at, name) in numberColumns {
                let raw = record[at].trimmingSpaces
                if raw.isEmpty { numbers[name] = .nan; continue }
                guard let number = Double(raw) else {
                    throw PipelineError.badInput("\(file):\(line): column '\(name)' is '\(raw)', expected a number")
                }
                numbers[name] = number
            }
            var keys: [String: String] = [:]
            for column in keyColumns { keys[column] = text(column) ?? "" }
            rows.append(StatisticsRow(
                date: date, districtID: text("bydel_id"), districtName: text("bydel_navn"), subDistrictID: text("delbydel_id"),
                subDistrictName: text("delbydel_navn"), keys: keys, numbers: numbers))
        }
        return rows
    }
}

extension String {
    var trimmingSpaces: String {
        String(unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed().map(Character.init))
    }
}
