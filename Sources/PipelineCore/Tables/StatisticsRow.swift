import ReportKit

/// One row of district statistics: a year, where (sub-district, district, or Oslo), the
/// text keys a function groups by (such as `kjonn`), and the numbers.
///
/// Ids stay text (`0101`, `01`), as the original reads them. A missing number is NaN, as
/// in the original's data frames. The numbers read from a file share one ``ColumnIndex``, so
/// a row of 121 age columns is an array, not a dictionary. Columns a function sets later
/// (a total, a ratio) are few per row and kept beside them in one short array: finding one
/// by comparing names is cheaper than hashing them.
public struct StatisticsRow: Sendable, Hashable {
    /// The row's fields, shared between copies until one of them changes (copy on write):
    /// functions pass rows around by the thousand, and a copy is then one reference.
    private final class Storage: @unchecked Sendable {
        var date: Int
        var districtID, districtName, subDistrictID, subDistrictName: String?
        var keys: [String: String]
        var columns: ColumnIndex
        var values: [Double]
        /// Columns that are not the file's, by name; a name is in one place only.
        var added: [(name: String, value: Double)]

        init(date: Int, districtID: String?, districtName: String?, subDistrictID: String?, subDistrictName: String?,
             keys: [String: String], columns: ColumnIndex, values: [Double], added: [(name: String, value: Double)]) {
            self.date = date
            self.districtID = districtID
            self.districtName = districtName
            self.subDistrictID = subDistrictID
            self.subDistrictName = subDistrictName
            self.keys = keys
            self.columns = columns
            self.values = values
            self.added = added
        }

        func copy() -> Storage {
            Storage(date: date, districtID: districtID, districtName: districtName, subDistrictID: subDistrictID,
                    subDistrictName: subDistrictName, keys: keys, columns: columns, values: values,
                    added: added)
        }
    }

    private var storage: Storage

    /// The storage, copied first if another row shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var date: Int {
        get { storage.date }
        set { unique.date = newValue }
    }
    public var districtID: String? {
        get { storage.districtID }
        set { unique.districtID = newValue }
    }
    public var districtName: String? {
        get { storage.districtName }
        set { unique.districtName = newValue }
    }
    public var subDistrictID: String? {
        get { storage.subDistrictID }
        set { unique.subDistrictID = newValue }
    }
    public var subDistrictName: String? {
        get { storage.subDistrictName }
        set { unique.subDistrictName = newValue }
    }
    public var keys: [String: String] {
        get { storage.keys }
        set { unique.keys = newValue }
    }
    private var columns: ColumnIndex { storage.columns }
    private var values: [Double] { storage.values }
    private var added: [(name: String, value: Double)] { storage.added }

    public init(
        date: Int, districtID: String?, districtName: String?, subDistrictID: String?, subDistrictName: String?,
        keys: [String: String] = [:], numbers: [String: Double] = [:]
    ) {
        self.init(date: date, districtID: districtID, districtName: districtName, subDistrictID: subDistrictID,
                  subDistrictName: subDistrictName, keys: keys, columns: .empty, values: [])
        storage.added = numbers.map { ($0.key, $0.value) }
    }

    /// A row whose numbers are `values`, in the order of `columns`.
    init(date: Int, districtID: String?, districtName: String?, subDistrictID: String?, subDistrictName: String?,
         keys: [String: String], columns: ColumnIndex, values: [Double]) {
        storage = Storage(date: date, districtID: districtID, districtName: districtName, subDistrictID: subDistrictID,
                          subDistrictName: subDistrictName, keys: keys, columns: columns, values: values, added: [])
    }

    /// The number in `column`, NaN when absent.
    public subscript(column: String) -> Double {
        get {
            if let slot = Self.slot(of: column, in: storage.added) { return storage.added[slot].value }
            if let position = columns.position(of: column) { return values[position] }
            return .nan
        }
        set {
            let storage = unique
            if let slot = Self.slot(of: column, in: storage.added) {
                storage.added[slot].value = newValue
            } else if let position = storage.columns.position(of: column) {
                storage.values[position] = newValue
            } else {
                // Functions add a few columns to a row: room for them at once.
                if storage.added.isEmpty { storage.added.reserveCapacity(4) }
                storage.added.append((column, newValue))
            }
        }
    }

    /// Where `column` is among the added columns.
    @inline(__always)
    private static func slot(of column: String, in added: [(name: String, value: Double)]) -> Int? {
        added.firstIndex { $0.name == column }
    }

    /// The number in `lookup`'s column `slot`: by position when the row is of `lookup`'s file.
    subscript(lookup: ColumnLookup, slot: Int) -> Double {
        guard columns === lookup.index else { return self[lookup.names[slot]] }
        if let position = lookup.positions[slot] { return values[position] }
        return Self.slot(of: lookup.names[slot], in: added).map { added[$0].value } ?? .nan
    }

    /// `true` when the row has `lookup`'s column `slot` (even if its value is missing).
    func has(_ lookup: ColumnLookup, _ slot: Int) -> Bool {
        guard columns === lookup.index else { return has(lookup.names[slot]) }
        return lookup.positions[slot] != nil || Self.slot(of: lookup.names[slot], in: added) != nil
    }

    /// Where `column`'s value is in this row, found as the subscript finds it (the columns set
    /// beside the file's first); read it with ``value(at:)`` from any row of the same
    /// ``ColumnLayout``.
    func slot(of column: String) -> ColumnSlot {
        if let slot = Self.slot(of: column, in: storage.added) { return .added(slot) }
        if let position = columns.position(of: column) { return .file(position) }
        return .absent
    }

    /// The number at `slot`, NaN when absent: `self[column]` for the column the slot was found for.
    @inline(__always)
    func value(at slot: ColumnSlot) -> Double {
        switch slot {
        case .file(let position): return storage.values[position]
        case .added(let position): return storage.added[position].value
        case .absent: return .nan
        }
    }

    /// Sets `column` to `value` where `slot` says it is; an absent column is added (`slot` must
    /// be this row's slot of `column`, so an absent one is not among the row's columns yet).
    @inline(__always)
    mutating func set(_ value: Double, at slot: ColumnSlot, column: String) {
        let storage = unique
        switch slot {
        case .file(let position): storage.values[position] = value
        case .added(let position): storage.added[position].value = value
        case .absent:
            if storage.added.isEmpty { storage.added.reserveCapacity(4) }
            storage.added.append((column, value))
        }
    }

    /// Adds columns the row does not have yet (distinct names, none of them the row's), with
    /// their values: what setting each in turn gives, in one step.
    mutating func addNewColumns(_ names: [String], _ values: [Double]) {
        let storage = unique
        storage.added.reserveCapacity(storage.added.count + names.count + 4)
        for (name, value) in zip(names, values) {
            assert(Self.slot(of: name, in: storage.added) == nil && storage.columns.position(of: name) == nil, "column \(name) is the row's already")
            storage.added.append((name, value))
        }
    }

    /// Which columns the row has, and where: its file's index and the names set beside them.
    var layout: ColumnLayout { ColumnLayout(index: columns, added: added.map(\.name)) }

    /// `true` when the row's columns are `layout`'s, in the same places, so that slots found
    /// in a row of that layout hold in this one. Compares without allocating.
    func has(_ layout: ColumnLayout) -> Bool {
        guard columns === layout.index, added.count == layout.added.count else { return false }
        return storage.added.withUnsafeBufferPointer { added in
            layout.added.withUnsafeBufferPointer { names in
                for position in 0..<names.count where added[position].name != names[position] { return false }
                return true
            }
        }
    }

    /// The shared column index of the row's file columns, and their values. Setting it drops
    /// added columns of the same names.
    var indexedColumns: (index: ColumnIndex, values: [Double]) {
        get { (columns, values) }
        set {
            let storage = unique
            storage.columns = newValue.index
            storage.values = newValue.values
            storage.added.removeAll { newValue.index.position(of: $0.name) != nil }
        }
    }

    /// The names of the columns set beside the file's, in the order they were set.
    var addedColumnNames: [String] { added.map(\.name) }

    /// The year and place, to join tables on: the year, the district and the sub-district,
    /// and their names too when `withNames`.
    public func yearAndPlace(withNames: Bool = false) -> YearAndPlace {
        YearAndPlace(self, withNames: withNames)
    }

    /// `true` when the row has the column (even if its value is missing).
    public func has(_ column: String) -> Bool {
        Self.slot(of: column, in: added) != nil || columns.position(of: column) != nil
    }

    /// The names of the row's number columns: the file's in file order, then the others sorted.
    public var columnNames: [String] { columns.names + added.map(\.name).sorted() }

    /// The sum of the columns whose names are whole numbers (the age columns), missing
    /// values left out.
    public var sumOfNumberedColumns: Double { sumOfNumberedColumns(in: nil) }

    /// The sum of the age columns whose numbers are in `ages` (all when `nil`).
    public func sumOfNumberedColumns(in ages: ClosedRange<Int>?) -> Double {
        var total = 0.0
        let storage = storage
        storage.values.withUnsafeBufferPointer { values in
            storage.columns.numbered.withUnsafeBufferPointer { numbered in
                if let ages {
                    for (position, number) in numbered where !values[position].isNaN && ages.contains(number) { total += values[position] }
                } else if storage.columns.allNumbered {
                    for value in values where !value.isNaN { total += value }
                } else {
                    for (position, _) in numbered where !values[position].isNaN { total += values[position] }
                }
            }
        }
        for (name, value) in added where !value.isNaN {
            if let number = Int(name), ages?.contains(number) != false { total += value }
        }
        return total
    }

    /// `true` when one of the row's numbers is missing (NaN): any of ``numbers``' values,
    /// found without making that dictionary.
    public var hasMissingNumber: Bool {
        values.contains { $0.isNaN } || added.contains { $0.value.isNaN }
    }

    /// Every number by column name.
    public var numbers: [String: Double] {
        get {
            var all = Dictionary(uniqueKeysWithValues: added.map { ($0.name, $0.value) })
            for (position, name) in columns.names.enumerated() { all[name] = values[position] }
            return all
        }
        set {
            let storage = unique
            storage.columns = .empty
            storage.values = []
            storage.added = newValue.map { ($0.key, $0.value) }
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
