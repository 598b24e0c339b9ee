/// What the scan of a JSON buildables table found, one entry (or ``JSONItemRows/hotKeys``
/// entries) per item, in file order. Positions are byte offsets into the whole table's text,
/// so the columns of two parts of one text join by appending (``append(_:)``).
struct JSONTableColumns {
    /// Each item's text: from its `{` to just past its `}`.
    var starts: [Int] = []
    var ends: [Int] = []
    /// Each item's artifact, as its position in ``artifactNames``.
    var artifactCodes: [UInt32] = []
    /// The distinct artifacts, in order of first appearance.
    var artifactNames: [String] = []
    /// Each instance's text (inside the quotes): its first byte and byte count.
    var instanceStarts: [Int] = []
    var instanceCounts: [Int32] = []
    /// The hash of each instance's bytes (``RowKeyIndex/hash(_:)``), taken while the bytes are
    /// at hand so the index does not read them again.
    var instanceHashes: [Int] = []
    /// The rows of each artifact (by code), in file order.
    var rowsByCode: [[Int]] = []
    /// Columns of the attributes the slips rules read: for each item, per ``JSONItemRows/hotKeys``
    /// slot, where the value starts (offset from the item's `{`, plus 1), 0 when absent.
    var hot: [UInt16] = []
    /// Per item, `version_instance` and `version_latest` as read by the scan
    /// (``PlainJSONObject/wholes``): -1 when not a small whole number (or absent).
    var wholes: [Int32] = []
    /// Items too long for 16-bit offsets: their attributes are found by scanning.
    var scanned: Set<Int> = []

    var count: Int { starts.count }

    /// Room for about `items` items without growing.
    mutating func reserve(items: Int) {
        starts.reserveCapacity(items)
        ends.reserveCapacity(items)
        artifactCodes.reserveCapacity(items)
        instanceStarts.reserveCapacity(items)
        instanceCounts.reserveCapacity(items)
        instanceHashes.reserveCapacity(items)
        hot.reserveCapacity(items * JSONItemRows.hotCount)
        wholes.reserveCapacity(items * 2)
    }

    /// The code of the artifact `name`, given a new one when first seen.
    mutating func code(of name: String, known codes: inout [String: UInt32]) -> UInt32 {
        if let known = codes[name] { return known }
        let code = UInt32(artifactNames.count)
        artifactNames.append(name)
        rowsByCode.append([])
        codes[name] = code
        return code
    }

    /// Appends the rows of `later`, the columns of the text just after these: its artifacts
    /// are coded anew (the ones seen here keep their codes, new ones follow in its order), so
    /// the result is what one scan of both parts gives. Each of `later`'s columns is emptied
    /// once appended, so the two copies of a column are never all held at once.
    mutating func append(_ later: inout JSONTableColumns) {
        let offset = count
        var codes: [String: UInt32] = [:]
        for (code, name) in artifactNames.enumerated() { codes[name] = UInt32(code) }
        let recode = later.artifactNames.map { code(of: $0, known: &codes) }
        starts.append(contentsOf: later.starts)
        later.starts = []
        ends.append(contentsOf: later.ends)
        later.ends = []
        artifactCodes.append(contentsOf: later.artifactCodes.lazy.map { recode[Int($0)] })
        later.artifactCodes = []
        instanceStarts.append(contentsOf: later.instanceStarts)
        later.instanceStarts = []
        instanceCounts.append(contentsOf: later.instanceCounts)
        later.instanceCounts = []
        instanceHashes.append(contentsOf: later.instanceHashes)
        later.instanceHashes = []
        for (code, rows) in later.rowsByCode.enumerated() {
            rowsByCode[Int(recode[code])].append(contentsOf: rows.lazy.map { $0 + offset })
        }
        later.rowsByCode = []
        hot.append(contentsOf: later.hot)
        later.hot = []
        wholes.append(contentsOf: later.wholes)
        later.wholes = []
        for row in later.scanned { scanned.insert(row + offset) }
    }
}
