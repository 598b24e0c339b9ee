/// The exact values of a declared integer, number, date or timestamp column whose cells are
/// mostly distinct: one 64-bit key per cell (``RadixSort``'s, which orders as the values do),
/// appended in row order, sorted and counted only when the column is finished.
///
/// A value table (``ByteCountTable``) pays a hash, a probe and, once it is bigger than the
/// caches, a cache miss per cell, and 23–46 bytes of slots per distinct value besides the
/// entries and the bytes; for a key column, where nearly every cell is new, that is all cost
/// and no saving. Here a cell costs its parse and an 8-byte append, and memory is 8 bytes per
/// cell. A column moves here from its table (``ColumnAccumulator``, past
/// ``ProfileLimits/typedKeysAfter`` distinct values that are more than a quarter of its
/// cells), taking the table's values along as counted keys; the figures are the same.
struct TypedKeys: Sendable {
    /// The declared type the keys are of.
    let type: ColumnType
    /// Values with their counts: what the value table held when the column moved here, and
    /// what merged tables bring.
    private(set) var counted: [(key: UInt64, count: Int)] = []
    /// One key per cell added since.
    private var keys = KeyBuffer()
    /// How many of `keys`, from the start, ``sortCells()`` left in order.
    private var sortedCount = 0

    /// Whether a column declared `type` can keep typed keys.
    static func holds(_ type: ColumnType?) -> Bool {
        type == .integer || type == .number || type == .date || type == .timestamp
    }

    /// No values yet.
    init(type: ColumnType) {
        precondition(Self.holds(type), "\(type) has no typed keys")
        self.type = type
    }

    /// The values of `table` (each of a form `type` accepts) as counted keys.
    init(type: ColumnType, table: ByteCountTable) {
        self.init(type: type)
        add(table)
    }

    /// The storage of the cells' keys (``GrowingBuffer/identity``).
    var cellsIdentity: ObjectIdentifier { keys.identity }

    /// Keys held: counted values and cells, at least the distinct values among them.
    var held: Int { counted.count + keys.count }

    /// The key of a cell `bytes` of this type, or `nil` when it is not one (the cell then
    /// fails its declaration, as ``ColumnType/accepts(_:)`` of its form would).
    @inline(__always)
    static func key(parsing bytes: UnsafeRawBufferPointer, as type: ColumnType) -> UInt64? {
        switch type {
        case .integer: return ValueForm.integer(bytes).map(RadixSort.key)
        case .number: return ValueForm.number(bytes).map { RadixSort.key($0 + 0) }  // -0.0 is 0
        case .date: return ValueForm.date(bytes).map(RadixSort.key)
        case .timestamp:
            if bytes.count == 10 { return ValueForm.date(bytes).map { RadixSort.key($0 * 86_400_000_000) } }
            return ValueForm.timestamp(bytes).map(RadixSort.key)
        case .boolean, .text: return nil
        }
    }

    /// The key of a value of form `form` (one `type` accepts) that a value table holds: the
    /// same key as ``key(parsing:as:)``, without checking the grammar again.
    static func key(_ bytes: UnsafeRawBufferPointer, form: ValueForms, as type: ColumnType) -> UInt64 {
        switch type {
        case .integer: return RadixSort.key(ValueForm.integer(bytes)!)
        case .number: return RadixSort.key(ValueForm.number(bytes, form: form)! + 0)
        case .date: return RadixSort.key(ValueForm.date(bytes)!)
        case .timestamp:
            return RadixSort.key(form == .date ? ValueForm.date(bytes)! * 86_400_000_000 : ValueForm.timestamp(bytes)!)
        case .boolean: return ValueForm.boolean(bytes)! ? 1 : 0
        case .text: preconditionFailure("texts have no keys")
        }
    }

    /// Adds one cell's key.
    @inline(__always)
    mutating func append(_ key: UInt64) { keys.append(key) }

    /// Adds the values of a table of the same column's other rows.
    mutating func add(_ table: ByteCountTable) {
        counted.reserveCapacity(counted.count + table.count)
        table.forEach { bytes, count, form in counted.append((Self.key(bytes, form: form, as: type), count)) }
    }

    /// Adds the keys of the same column's other rows.
    mutating func merge(_ other: TypedKeys) {
        counted.append(contentsOf: other.counted)
        keys.append(contentsOf: other.keys)
    }

    /// Sorts the cells' keys in place, so that ``withSortedRuns(_:)`` reads them without a
    /// copy: the counted values first become cells (a value counted n times, n cells) put
    /// before the others, so a column in order from its first row (an id, timestamps as
    /// they happen) is still in order and is not sorted at all. The same runs; only the
    /// order in which a later sketch would take the cells, and their weights, change.
    /// `spare` is the sort's second buffer when given (``RadixSortSpare``).
    mutating func sortCells(spare: RadixSortSpare? = nil) {
        if !counted.isEmpty {
            let front = Self.expanded(counted)
            front.withUnsafeBufferPointer { keys.prepend($0) }
            counted = []
        }
        keys.withUnsafeMutableBufferPointer { RadixSort.sort($0, spare: spare) }
        sortedCount = keys.count
    }

    /// Counted values as cells, ascending: each key as many times as its count.
    private static func expanded(_ counted: [(key: UInt64, count: Int)]) -> [UInt64] {
        var pairs = counted
        RadixSort.sort(&pairs)
        var cells: [UInt64] = []
        cells.reserveCapacity(pairs.reduce(0) { $0 + $1.count })
        for pair in pairs { cells.append(contentsOf: repeatElement(pair.key, count: pair.count)) }
        return cells
    }

    /// Every key with its count: the counted values, then each cell with count 1.
    func forEach(_ body: (UInt64, Int) -> Void) {
        for pair in counted { body(pair.key, pair.count) }
        keys.withUnsafeBufferPointer { keys in
            for key in keys { body(key, 1) }
        }
    }

    /// Approximate bytes held, for the memory budget, as ``ByteCountTable/approximateBytes``
    /// counts them: from the counts, as arrays that double hold them.
    var approximateBytes: Int {
        ByteCountTable.rounded(keys.count) * MemoryLayout<UInt64>.stride
            + ByteCountTable.rounded(counted.count) * MemoryLayout<(key: UInt64, count: Int)>.stride
    }

    /// At least the ``approximateBytes`` after `cells` more cells.
    func maximumBytes(afterAdding cells: Int) -> Int {
        ByteCountTable.rounded(keys.count + cells) * MemoryLayout<UInt64>.stride
            + ByteCountTable.rounded(counted.count) * MemoryLayout<(key: UInt64, count: Int)>.stride
    }

    /// The distinct values ascending with their counts (what ``ExactFinish`` reads), given to
    /// `body` as ``SortedRuns`` of the cells: read in place when ``sortCells()`` sorted them
    /// since the last was added, else from a sorted copy of the cells and the counted values.
    func withSortedRuns<Result>(_ body: (SortedRuns) -> Result) -> Result {
        if counted.isEmpty, sortedCount == keys.count {
            return keys.withUnsafeBufferPointer { body(SortedRuns(cells: $0)) }
        }
        var cells = Self.expanded(counted)
        keys.withUnsafeBufferPointer { cells.append(contentsOf: $0) }
        return cells.withUnsafeMutableBufferPointer { cells in
            RadixSort.sort(cells)
            return body(SortedRuns(cells: UnsafeBufferPointer(cells)))
        }
    }
}
