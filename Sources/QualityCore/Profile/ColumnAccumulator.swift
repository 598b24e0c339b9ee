/// The running state of one column: fed raw fields, merged with the state of other rows,
/// finished into a ``ColumnProfile``.
///
/// Exact mode (the start) keeps every distinct field's bytes with its count and its form;
/// every figure is computed from them at the end, so the same rows give the same profile
/// however they were split and merged. A declared integer, number, date or timestamp column
/// whose cells are mostly distinct moves on to one typed key per cell (``TypedKeys``), still
/// exact. Past the limits it switches to a ``ColumnSketch``.
public struct ColumnAccumulator: Sendable {
    public let name: String
    /// The declared type, or `nil` to infer one.
    public let declared: ColumnType?
    let limits: ProfileLimits
    /// Non-missing fields seen.
    private(set) var count = 0
    /// The forms of the values seen.
    private(set) var forms: ValueForms = [] {
        didSet { if forms != oldValue { possible = PossibleTypes(declared: declared, forms: forms) } }
    }
    /// The types the column can still be (of `declared` and `forms`), for the sketch's cells.
    private var possible: PossibleTypes
    /// Exact mode's values (empty once keyed or sketched).
    private(set) var values = ByteCountTable()
    /// The column's typed keys, once keyed (``TypedKeys``; a column of another declared
    /// type never is).
    private(set) var typed: TypedKeys?
    /// `typed != nil`, kept apart as ``isSketched`` is.
    private(set) var isKeyed = false
    private(set) var sketch: ColumnSketch?
    /// `sketch != nil`, kept apart so the per-field path tests a flag instead of the optional.
    private var isSketched = false

    public init(name: String, declared: ColumnType? = nil, limits: ProfileLimits = .default) {
        self.name = name
        self.declared = declared
        self.limits = limits
        possible = PossibleTypes(declared: declared, forms: [])
    }

    /// The storage of a keyed column's cells (``TypedKeys/cellsIdentity``), else `nil`.
    var keyedCellsIdentity: ObjectIdentifier? { typed?.cellsIdentity }

    /// The keys a keyed column holds (``TypedKeys/held``), else 0.
    var keyedCells: Int { typed?.held ?? 0 }

    /// Bytes the exact values take (0 once sketched).
    var exactBytes: Int { isSketched ? 0 : isKeyed ? typed!.approximateBytes : values.approximateBytes }

    /// Adds one field of data row `row`; an empty field is a missing value.
    @inline(__always)
    mutating func add(_ bytes: UnsafeRawBufferPointer, row: Int) throws(ProfileError) {
        guard !bytes.isEmpty else { return }
        count += 1
        if isKeyed {
            try addKey(bytes, row: row)
        } else if !isSketched {
            let (entry, isNew) = values.add(bytes, classify: ValueForm.of)
            guard isNew else { return }
            try admit(values.form(of: entry), bytes, row: row)
            checkTable()
        } else {
            let form = ValueForm.of(bytes)
            try admit(form, bytes, row: row)
            sketch!.add(bytes, form: form, weight: 1, possible: possible)
        }
    }

    /// The hash ``prefetch(_:)`` found for the field ``addPrefetched(_:row:)`` adds next.
    private var prefetchedHash: UInt64 = 0

    /// Hashes a non-empty field and hints the slot of the value table it will look at
    /// first (see ``ByteCountTable/prefetch(hash:)``); ``addPrefetched(_:row:)`` adds it next.
    @inline(__always)
    mutating func prefetch(_ bytes: UnsafeRawBufferPointer) {
        guard !isSketched, !isKeyed else { return }
        prefetchedHash = ByteCountTable.hash(of: bytes)
        values.prefetch(hash: prefetchedHash)
    }

    /// ``add(_:row:)`` of the field ``prefetch(_:)`` was just given (when not empty).
    @inline(__always)
    mutating func addPrefetched(_ bytes: UnsafeRawBufferPointer, row: Int) throws(ProfileError) {
        guard !isSketched, !isKeyed else { return try add(bytes, row: row) }
        guard !bytes.isEmpty else { return }
        count += 1
        let (entry, isNew) = values.add(bytes, hash: prefetchedHash, classify: ValueForm.of)
        guard isNew else { return }
        try admit(values.form(of: entry), bytes, row: row)
        checkTable()
    }

    /// After a new value in the table: past the distinct limit, sketches; a declared typed
    /// column past ``ProfileLimits/typedKeysAfter`` distinct values, more than a quarter of
    /// its cells, moves to ``TypedKeys``.
    @inline(__always)
    private mutating func checkTable() {
        let distinct = values.count
        if distinct > limits.exactDistinctPerColumn {
            switchToSketch()
        } else if distinct > limits.typedKeysAfter, distinct * 4 > count, TypedKeys.holds(declared) {
            switchToKeys()
        }
    }

    /// Adds a non-empty cell's key (``TypedKeys/key(parsing:as:)``) in keyed mode; counted already.
    @inline(__always)
    private mutating func addKey(_ bytes: UnsafeRawBufferPointer, row: Int) throws(ProfileError) {
        guard let key = TypedKeys.key(parsing: bytes, as: declared!) else {
            throw ProfileError(row: row, column: name, value: String(decoding: bytes, as: UTF8.self), expected: declared!)
        }
        typed!.append(key)
        if typed!.held > limits.exactDistinctPerColumn { switchToSketch() }
    }

    /// How many cells ahead ``add(_:bytes:rows:firstRow:hashes:)`` asks for a slot.
    static let prefetchDistance = 16

    /// Adds this column's cells `rows` of a ``RowBatch`` (`cells`, their bytes in `bytes`),
    /// cell `row` being data row `firstRow + row`: the same figures and the same first error
    /// as ``add(_:row:)`` of each in order. Every cell is hashed first (into `hashes`, by
    /// row), then each is added after asking for the slot of the one
    /// ``prefetchDistance`` cells on, so the cache misses of a big table overlap.
    mutating func add(
        _ cells: UnsafePointer<RowBatch.Cell>, bytes: UnsafeRawPointer, rows: Range<Int>, firstRow: Int,
        hashes: UnsafeMutablePointer<UInt64>
    ) throws(ProfileError) {
        @inline(__always) func field(_ row: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: bytes + Int(cells[row].offset), count: Int(cells[row].length))
        }
        var row = rows.lowerBound
        let end = rows.upperBound
        if !isSketched {
            for index in rows where cells[index].length > 0 { hashes[index] = ByteCountTable.hash(of: field(index)) }
            for index in row..<Swift.min(end, row + Self.prefetchDistance) where cells[index].length > 0 {
                values.prefetch(hash: hashes[index])
            }
            while row < end, !isSketched, !isKeyed {
                let ahead = row + Self.prefetchDistance
                if ahead < end, cells[ahead].length > 0 { values.prefetch(hash: hashes[ahead]) }
                if cells[row].length > 0 {
                    let bytes = field(row)
                    count += 1
                    let (entry, isNew) = values.add(bytes, hash: hashes[row], classify: ValueForm.of)
                    if isNew {
                        try admit(values.form(of: entry), bytes, row: firstRow + row)
                        checkTable()
                    }
                }
                row += 1
            }
        }
        while row < end, isKeyed {
            if cells[row].length > 0 {
                count += 1
                try addKey(field(row), row: firstRow + row)
            }
            row += 1
        }
        while row < end {
            if cells[row].length > 0 { try add(field(row), row: firstRow + row) }
            row += 1
        }
    }

    /// The ``exactBytes`` at row `expected` if the column goes on as in its first `rows` rows
    /// (``BudgetProjection``), and whether it grows so: a keyed column by its cells, a value
    /// table whose values are nearly all distinct (9 in 10 cells) by the distinct values
    /// expected of its cells then. Any other column, and a sketched one, keeps its bytes.
    func projection(after rows: Int, at expected: Int) -> (bytes: Int, grows: Bool) {
        guard !isSketched, rows > 0, expected > rows else { return (exactBytes, false) }
        let scale = Double(expected) / Double(rows)
        func scaled(_ held: Int) -> Int { Int(Swift.min(Double(held) * scale, 1e12)) }
        if isKeyed { return (typed!.maximumBytes(afterAdding: scaled(typed!.held) - typed!.held), true) }
        let distinct = values.count
        guard distinct * 10 >= count * 9, count > 0 else { return (exactBytes, false) }
        let more = BudgetProjection.distinct(distinct, of: count, at: scaled(count)) - distinct
        let moreBytes = Int(Double(values.longBytes) / Double(distinct) * Double(more))
        return (values.maximumBytes(afterAdding: more, bytes: moreBytes), true)
    }

    /// At least the ``exactBytes`` after `values` more values of `bytes` bytes in all.
    func maximumExactBytes(afterAdding values: Int, bytes: Int) -> Int {
        isSketched ? 0 : isKeyed ? typed!.maximumBytes(afterAdding: values)
            : self.values.maximumBytes(afterAdding: values, bytes: bytes)
    }

    private mutating func admit(_ form: ValueForms, _ bytes: UnsafeRawBufferPointer, row: Int) throws(ProfileError) {
        forms.formUnion(form)
        if let declared, !declared.accepts(form) {
            throw ProfileError(row: row, column: name, value: String(decoding: bytes, as: UTF8.self), expected: declared)
        }
    }

    /// Moves the table's values into typed keys and frees the table.
    private mutating func switchToKeys() {
        typed = TypedKeys(type: declared!, table: values)
        isKeyed = true
        values = ByteCountTable()
    }

    /// Moves the exact values into sketches and frees them.
    mutating func switchToSketch() {
        guard !isSketched else { return }
        var fresh = ColumnSketch(limits: limits, possible: possible)
        if let typed {
            typed.forEach { key, weight in fresh.add(key: key, of: typed.type, weight: weight) }
        } else {
            values.forEach { bytes, weight, form in fresh.add(bytes, form: form, weight: weight, possible: possible) }
        }
        sketch = fresh
        isSketched = true
        values = ByteCountTable()
        typed = nil
        isKeyed = false
    }

    /// Adds the state of other rows of the same column.
    mutating func merge(_ other: ColumnAccumulator) {
        count += other.count
        forms.formUnion(other.forms)
        if isSketched || other.isSketched {
            switchToSketch()
            if other.isSketched {
                sketch!.merge(other.sketch!, possible: possible)
            } else {
                var theirs = other
                theirs.switchToSketch()
                sketch!.merge(theirs.sketch!, possible: possible)
            }
        } else if isKeyed || other.isKeyed {
            if !isKeyed { switchToKeys() }
            if let theirs = other.typed { typed!.merge(theirs) } else { typed!.add(other.values) }
            if typed!.held > limits.exactDistinctPerColumn { switchToSketch() }
        } else {
            other.values.forEach { bytes, weight, form in
                values.add(bytes, weight: weight) { _ in form }
            }
            checkTable()
        }
    }

    /// Sorts a keyed column's cells in place, ahead of ``finish(rows:scope:)`` (which then
    /// needs no copy of them): the same profile. `spare` is the sort's second buffer when given.
    mutating func prepareToFinish(spare: RadixSortSpare? = nil) {
        if isKeyed { typed!.sortCells(spare: spare) }
    }

    /// How long ``finish(rows:scope:)`` takes, roughly: the distinct values it reads (and, but
    /// for a text column's most frequent value alone, sorts).
    var finishCost: Int { isSketched ? 0 : isKeyed ? typed!.held : values.count }

    /// The column's figures, for a table of `rows` rows, listing the value counts of `scope`.
    func finish(rows: Int, scope: ValueCountScope = .all) -> ColumnProfile {
        let type = declared ?? ColumnType.inferred(from: forms)
        if let sketch {
            return SketchFinish.profile(of: self, sketch: sketch, type: type, rows: rows)
        }
        return ExactFinish.profile(of: self, type: type, rows: rows, scope: scope)
    }
}
