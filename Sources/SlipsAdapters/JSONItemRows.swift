import ReportKit
import SlipsCore

/// A JSON buildables table read straight from its bytes: the text is kept (a mapped file or
/// a copy) with each item's byte range, its artifact (interned) and where its instance is,
/// and a hash index of the keys over those bytes (no string per item); attributes are read
/// from the item's text when asked, the ones the slips rules read through columns of value
/// offsets. A 1M-item table (237 MB) runs in 467 MiB where an object tree per item took
/// 1037 MiB.
///
/// ``read(_:owner:)`` takes only the plain shape an export writes: `{"items": [...]}` whose
/// items are flat objects of strings without escapes, plain numbers, `true`, `false` and
/// `null`, with text `artifact` and `instance` and no repeated key. For anything else it
/// answers `nil` and the caller reads the file with ``JSONReader`` (which also gives the
/// located error for bad text), so what is accepted and what a value reads as do not change.
final class JSONItemRows: ItemRows, @unchecked Sendable {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Keeps `bytes` valid (a mapped file), or nil when `bytes` is a copy this value frees.
    private let owner: AnyObject?
    private let columns: Columns
    /// ``Columns/hot`` and ``Columns/starts`` as plain memory: read for every attribute asked,
    /// without the array's reference counting.
    private let hot: UnsafeMutableBufferPointer<UInt16>
    private let starts: UnsafeMutableBufferPointer<Int>
    private let anyScanned: Bool
    /// The key index: open addressing, each slot a row plus 1 (0 is empty), found by the hash
    /// of the instance's bytes; the slot count is a power of two.
    private let slots: UnsafeMutableBufferPointer<UInt32>

    /// What the table scan found, one entry (or ``JSONItemRows/hotKeys`` entries) per item.
    private struct Columns {
        /// Each item's text: from its `{` to just past its `}`.
        var starts: [Int] = []
        var ends: [Int] = []
        var artifactCodes: [UInt32] = []
        var artifactNames: [String] = []
        /// Each instance's text (inside the quotes): its first byte and byte count.
        var instanceStarts: [Int] = []
        var instanceCounts: [Int32] = []
        /// The rows of each artifact (by code), in file order.
        var rowsByCode: [[Int]] = []
        /// Columns of the attributes the slips rules read: for each item, per ``hotKeys``
        /// slot, where the value starts (offset from the item's `{`, plus 1), 0 when absent.
        var hot: [UInt16] = []
        /// Items too long for 16-bit offsets: their attributes are found by scanning.
        var scanned: Set<Int> = []
    }

    var count: Int { columns.starts.count }

    /// The distinct artifacts, in order of first appearance.
    var artifactNames: [String] { columns.artifactNames }

    /// The position of `row`'s artifact in ``artifactNames``.
    func artifactCode(row: Int) -> Int { Int(columns.artifactCodes[row]) }

    /// The rows of artifact `name`, in file order.
    func rows(artifact name: String) -> [Int] {
        guard let code = columns.artifactNames.firstIndex(of: name) else { return [] }
        return columns.rowsByCode[code]
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, owner: AnyObject?, columns: Columns, slots: UnsafeMutableBufferPointer<UInt32>) {
        self.bytes = bytes
        self.owner = owner
        self.slots = slots
        self.hot = UnsafeMutableBufferPointer.allocate(capacity: columns.hot.count)
        _ = hot.initialize(from: columns.hot)
        self.starts = UnsafeMutableBufferPointer.allocate(capacity: columns.starts.count)
        _ = starts.initialize(from: columns.starts)
        self.anyScanned = !columns.scanned.isEmpty
        var columns = columns
        columns.hot = []
        self.columns = columns
    }

    deinit {
        if owner == nil { UnsafeMutableBufferPointer(mutating: bytes).deallocate() }
        hot.deallocate()
        starts.deallocate()
        slots.deallocate()
    }

    /// The table in `buffer`, kept valid by `owner`; with no owner the bytes are copied.
    /// `nil` when the text is not the plain shape (see the type's notes).
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, owner: AnyObject?) -> JSONItemRows? {
        let kept: UnsafeBufferPointer<UInt8>
        if owner == nil {
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, buffer.count))
            _ = copy.initialize(from: buffer)
            kept = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copy)[0..<buffer.count])
        } else {
            kept = buffer
        }
        guard let columns = scanTable(kept), let slots = index(columns, in: kept) else {
            if owner == nil { UnsafeMutableBufferPointer(mutating: kept).deallocate() }
            return nil
        }
        return JSONItemRows(bytes: kept, owner: owner, columns: columns, slots: slots)
    }

    // MARK: - The key index

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    private func instanceBytes(row: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[columns.instanceStarts[row]..<columns.instanceStarts[row] + Int(columns.instanceCounts[row])])
    }

    /// The index of `columns`' keys, or `nil` when two items share one (the full read then
    /// reports it).
    private static func index(_ columns: Columns, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt32>? {
        let count = columns.instanceStarts.count
        guard count < Int(UInt32.max) else { return nil }
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        let slots = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        let mask = capacity - 1
        for row in 0..<count {
            let start = columns.instanceStarts[row]
            let instance = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(columns.instanceCounts[row])])
            var slot = hash(instance) & mask
            while slots[slot] != 0 {
                let other = Int(slots[slot]) - 1
                if columns.artifactCodes[other] == columns.artifactCodes[row], Int(columns.instanceCounts[other]) == instance.count,
                   memcmpEqual(bytes.baseAddress! + columns.instanceStarts[other], instance.baseAddress!, instance.count)
                {
                    slots.deallocate()
                    return nil
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = UInt32(row + 1)
        }
        return slots
    }

    /// The row keyed `artifact` and `instance`, if any.
    func row(artifact: String, instance: String) -> Int? {
        guard let code = columns.artifactNames.firstIndex(of: artifact) else { return nil }
        var instance = instance
        return instance.withUTF8 { wanted -> Int? in
            let mask = slots.count - 1
            var slot = Self.hash(wanted) & mask
            while slots[slot] != 0 {
                let row = Int(slots[slot]) - 1
                if Int(columns.artifactCodes[row]) == code, Int(columns.instanceCounts[row]) == wanted.count,
                   wanted.isEmpty || memcmpEqual(bytes.baseAddress! + columns.instanceStarts[row], wanted.baseAddress!, wanted.count)
                {
                    return row
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    // MARK: - Reading the table

    private static func scanTable(_ bytes: UnsafeBufferPointer<UInt8>) -> Columns? {
        var scanner = PlainJSONScanner(bytes)
        guard scanner.take(UInt8(ascii: "{")), let key = scanner.plainString(),
              bytes.matches(key, "items"), scanner.take(UInt8(ascii: ":")), scanner.take(UInt8(ascii: "["))
        else { return nil }
        var columns = Columns()
        let estimate = bytes.count / 160
        columns.starts.reserveCapacity(estimate)
        columns.ends.reserveCapacity(estimate)
        columns.artifactCodes.reserveCapacity(estimate)
        columns.instanceStarts.reserveCapacity(estimate)
        columns.instanceCounts.reserveCapacity(estimate)
        columns.hot.reserveCapacity(estimate * hotCount)
        var codes: [String: UInt32] = [:]
        var last: (range: Range<Int>, code: UInt32)?
        if !scanner.take(UInt8(ascii: "]")) {
            repeat {
                guard let item = scanner.flatObject() else { return nil }
                guard let artifact = item.artifact, let instance = item.instance,
                      artifact.count > 0, instance.count > 0
                else { return nil }
                // Items of one artifact usually come together: compare with the last one first.
                let code: UInt32
                if let last, bytes.same(last.range, artifact) {
                    code = last.code
                } else {
                    let name = bytes.text(artifact)
                    if let known = codes[name] {
                        code = known
                    } else {
                        code = UInt32(columns.artifactNames.count)
                        columns.artifactNames.append(name)
                        columns.rowsByCode.append([])
                        codes[name] = code
                    }
                    last = (artifact, code)
                }
                if item.range.count > Int(UInt16.max) {
                    columns.scanned.insert(columns.starts.count)
                    columns.hot.append(contentsOf: repeatElement(0, count: Self.hotCount))
                } else {
                    for slot in 0..<Self.hotCount { columns.hot.append(item.hot[slot]) }
                }
                columns.starts.append(item.range.lowerBound)
                columns.ends.append(item.range.upperBound)
                guard instance.count <= Int(Int32.max) else { return nil }
                columns.rowsByCode[Int(code)].append(columns.starts.count - 1)
                columns.artifactCodes.append(code)
                columns.instanceStarts.append(instance.lowerBound)
                columns.instanceCounts.append(Int32(instance.count))
            } while scanner.take(UInt8(ascii: ","))
            guard scanner.take(UInt8(ascii: "]")) else { return nil }
        }
        return scanner.take(UInt8(ascii: "}")) && scanner.atEnd() ? columns : nil
    }

    // MARK: - ItemRows

    func artifact(row: Int) -> String { columns.artifactNames[Int(columns.artifactCodes[row])] }

    func instance(row: Int) -> String { String(decoding: instanceBytes(row: row), as: UTF8.self) }

    /// The attributes kept as columns, in slot order.
    static let hotKeys = [
        "version_instance", "version_latest", "plan", "belongs_to_artifact", "belongs_to_instance", "date", "updated",
        "status", "confidence", "note", "updater",
    ]

    /// `hotKeys.count`, as a constant: read for every attribute asked.
    private static var hotCount: Int { 11 }

    /// The column slot of `name`, if it has one.
    private static func slot(_ name: String) -> Int? {
        // By length first: most names asked are not columns, and a long name's comparison
        // is not free.
        switch name.utf8.count {
        case 4: return name == "plan" ? 2 : name == "date" ? 5 : name == "note" ? 9 : nil
        case 6: return name == "status" ? 7 : nil
        case 7: return name == "updated" ? 6 : name == "updater" ? 10 : nil
        case 10: return name == "confidence" ? 8 : nil
        case 14: return name == "version_latest" ? 1 : nil
        case 16: return name == "version_instance" ? 0 : nil
        case 19: return name == "belongs_to_artifact" ? 3 : name == "belongs_to_instance" ? 4 : nil
        default: return nil
        }
    }

    /// The value text of a column attribute of `row`: `.some(nil)` when absent, `nil` when the
    /// row has no columns or `name` none.
    private func hotValue(_ name: String, row: Int) -> Range<Int>?? {
        guard let slot = Self.slot(name), !anyScanned || !columns.scanned.contains(row) else { return nil }
        let offset = hot[row &* Self.hotCount &+ slot]
        guard offset > 0 else { return .some(nil) }
        var scanner = PlainJSONScanner(bytes, at: starts[row] + Int(offset) - 1)
        return .some(scanner.plainValue())
    }

    func attribute(_ name: String, row: Int) -> JSONValue? {
        if name == "instance" { return .string(instance(row: row)) }
        if name == "artifact" { return .string(artifact(row: row)) }
        if let known = hotValue(name, row: row) { return known.map(value) }
        var found: JSONValue?
        forEachMember(row: row) { key, value in
            guard bytes.matches(key, name) else { return true }
            found = self.value(value)
            return false
        }
        return found
    }

    func hasAttribute(_ name: String, row: Int) -> Bool {
        if name == "instance" || name == "artifact" { return true }
        if let known = hotValue(name, row: row) { return known != nil }
        var found = false
        forEachMember(row: row) { key, _ in
            found = bytes.matches(key, name)
            return !found
        }
        return found
    }

    func attributes(row: Int) -> JSONObject {
        var members: [JSONObject.Member] = []
        forEachMember(row: row) { key, value in
            members.append(JSONObject.Member(key: bytes.text(key), value: self.value(value)))
            return true
        }
        return JSONObject(uniqueMembers: members)
    }

    func storesSame(row: Int, as otherRow: Int, of other: any ItemRows) -> Bool {
        guard let other = other as? JSONItemRows else { return false }
        let mine = columns.starts[row]..<columns.ends[row]
        let theirs = other.columns.starts[otherRow]..<other.columns.ends[otherRow]
        return mine.count == theirs.count
            && memcmpEqual(bytes.baseAddress! + mine.lowerBound, other.bytes.baseAddress! + theirs.lowerBound, mine.count)
    }

    /// Calls `body` with each member's key (inside the quotes) and value text, in order,
    /// while it returns `true`. The item was checked when the table was read.
    private func forEachMember(row: Int, _ body: (Range<Int>, Range<Int>) -> Bool) {
        var scanner = PlainJSONScanner(bytes, at: starts[row])
        _ = scanner.take(UInt8(ascii: "{"))
        if scanner.take(UInt8(ascii: "}")) { return }
        repeat {
            guard let key = scanner.plainString(), scanner.take(UInt8(ascii: ":")), let value = scanner.plainValue(),
                  body(key, value)
            else { return }
        } while scanner.take(UInt8(ascii: ","))
    }

    /// The value whose text is `range` (a checked plain value).
    private func value(_ range: Range<Int>) -> JSONValue {
        switch bytes[range.lowerBound] {
        case UInt8(ascii: "\""): return .string(bytes.text(range.lowerBound + 1..<range.upperBound - 1))
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "n"): return .null
        default:
            // A checked plain number of at most 15 digits: a whole one is exact, a fraction
            // rounds correctly (strtod), as JSONReader's do.
            var whole = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else {
                    return .number(Double(bytes.text(range)) ?? .nan)
                }
                whole = whole * 10 + Int(byte - 0x30)
            }
            return .number(Double(whole))
        }
    }
}

/// One flat item object found by ``PlainJSONScanner/flatObject()``.
struct PlainJSONObject {
    var range: Range<Int>
    /// The `artifact` and `instance` string contents, when those members are strings.
    var artifact: Range<Int>?
    var instance: Range<Int>?
    /// The ``JSONItemRows/hotKeys`` value offsets (from the `{`, plus 1; 0 when absent).
    var hot = SIMD16<UInt16>()
}

/// A strict scanner for the plain subset of JSON a buildables export uses; every function
/// answers `nil`/`false` on anything outside it, leaving the text to ``JSONReader``.
struct PlainJSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    /// The keys of the object being read, as their length and first and last bytes (most
    /// keys differ there), kept to reuse the storage.
    private var keys: [(range: Range<Int>, signature: Int)] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Skips white space, then `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    /// A string without escapes or control characters and of valid UTF-8; its contents' range.
    mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if !ascii, String(validating: bytes[start..<position - 1], as: UTF8.self) == nil { return nil }
                return start..<position - 1
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        return nil
    }

    /// A plain string, a short plain number, `true`, `false` or `null`; its whole text's range.
    mutating func plainValue() -> Range<Int>? {
        skipSpace()
        guard position < bytes.count else { return nil }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "\""):
            guard plainString() != nil else { return nil }
        case UInt8(ascii: "t"): guard literal("true") else { return nil }
        case UInt8(ascii: "f"): guard literal("false") else { return nil }
        case UInt8(ascii: "n"): guard literal("null") else { return nil }
        default: guard number() else { return nil }
        }
        return start..<position
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` of at most 15 digits (no exponent: JSONReader decides those).
    private mutating func number() -> Bool {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        guard isDigit(position) else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            digits = 1
        } else {
            while isDigit(position) { position += 1; digits += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return false }
            while isDigit(position) { position += 1; digits += 1 }
        }
        guard digits <= 15, position >= bytes.count || !Self.continuesNumber(bytes[position]) else { return false }
        return true
    }

    private static func continuesNumber(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// An object of plain members with no repeated key.
    mutating func flatObject() -> PlainJSONObject? {
        guard take(UInt8(ascii: "{")) else { return nil }
        let start = position - 1
        var object = PlainJSONObject(range: start..<start)
        keys.removeAll(keepingCapacity: true)
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let key = plainString(), take(UInt8(ascii: ":")), let value = plainValue() else { return nil }
                let signature = key.isEmpty ? 0 : key.count << 16 | Int(bytes[key.lowerBound]) << 8 | Int(bytes[key.upperBound - 1])
                for earlier in keys where earlier.signature == signature && bytes.same(earlier.range, key) { return nil }
                keys.append((key, signature))
                if bytes[value.lowerBound] == UInt8(ascii: "\""), key.count == 8 {
                    if bytes.matches(key, "artifact") { object.artifact = value.lowerBound + 1..<value.upperBound - 1 }
                    if bytes.matches(key, "instance") { object.instance = value.lowerBound + 1..<value.upperBound - 1 }
                }
                if let slot = hotSlot(key) {
                    object.hot[slot] = UInt16(truncatingIfNeeded: value.lowerBound - start + 1)
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        object.range = start..<position
        return object
    }

    /// The ``JSONItemRows/hotKeys`` slot of the key in `range`, if any.
    private func hotSlot(_ key: Range<Int>) -> Int? {
        func slot(_ candidate: Int) -> Int? { bytes.matches(key, JSONItemRows.hotKeys[candidate]) ? candidate : nil }
        let first = bytes[key.lowerBound]
        switch key.count {
        case 4:
            return first == UInt8(ascii: "p") ? slot(2) : first == UInt8(ascii: "d") ? slot(5) : first == UInt8(ascii: "n") ? slot(9) : nil
        case 6: return first == UInt8(ascii: "s") ? slot(7) : nil
        case 7:
            guard first == UInt8(ascii: "u") else { return nil }
            return bytes[key.upperBound - 1] == UInt8(ascii: "d") ? slot(6) : slot(10)
        case 10: return first == UInt8(ascii: "c") ? slot(8) : nil
        case 14: return first == UInt8(ascii: "v") ? slot(1) : nil
        case 16: return first == UInt8(ascii: "v") ? slot(0) : nil
        case 19:
            guard first == UInt8(ascii: "b") else { return nil }
            return bytes[key.lowerBound + 11] == UInt8(ascii: "a") ? slot(3) : slot(4)
        default: return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// `true` when the bytes in `range` are `name`'s UTF-8.
    func matches(_ range: Range<Int>, _ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count == range.count else { return false }
        if let equal = utf8.withContiguousStorageIfAvailable({ name in
            name.isEmpty || memcmpEqual(name.baseAddress!, baseAddress! + range.lowerBound, name.count)
        }) {
            return equal
        }
        return self[range].elementsEqual(utf8)
    }

    /// `true` when the bytes in `lhs` and `rhs` are the same.
    func same(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        lhs.count == rhs.count && memcmpEqual(baseAddress! + lhs.lowerBound, baseAddress! + rhs.lowerBound, lhs.count)
    }

    /// The text of `range` (checked UTF-8).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}

private func memcmpEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for offset in 0..<count where lhs[offset] != rhs[offset] { return false }
    return true
}
