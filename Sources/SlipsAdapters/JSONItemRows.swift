import Foundation
import ReportKit
import SlipsCore

/// A JSON buildables table read straight from its bytes: the text is kept (a mapped file or
/// a copy) with each item's byte range, its artifact (interned) and where its instance is,
/// and a hash index of the keys over those bytes (no string per item); attributes are read
/// from the item's text when asked, the ones the slips rules read through columns of value
/// offsets. A 1M-item table (237 MB) runs in 467 MiB where an object tree per item took
/// 1037 MiB. The scan and the key index use two threads on a big table (``JSONTableScan``,
/// ``RowKeyIndex``).
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
    private let columns: JSONTableColumns
    /// ``JSONTableColumns/hot`` and ``JSONTableColumns/starts`` as plain memory: read for
    /// every attribute asked, without the array's reference counting.
    private let hot: UnsafeMutableBufferPointer<UInt16>
    private let starts: UnsafeMutableBufferPointer<Int>
    /// ``JSONTableColumns/wholes`` as plain memory: the versions read without the item's text
    /// (on a big table the text is no longer in the cache; the columns are read in order).
    private let wholes: UnsafeMutableBufferPointer<Int32>
    /// Each row's key together (``RowKey``): a lookup's probe reads one place per row tried,
    /// not three columns.
    private let keys: UnsafeMutableBufferPointer<RowKey>
    private let anyScanned: Bool
    private let index: RowKeyIndex

    var count: Int { columns.starts.count }

    /// The distinct artifacts, in order of first appearance.
    var artifactNames: [String] { columns.artifactNames }

    /// The position of `row`'s artifact in ``artifactNames``.
    func artifactCode(row: Int) -> Int { Int(keys[row].artifact) }

    /// The rows of artifact `name`, in file order.
    func rows(artifact name: String) -> [Int] {
        guard let code = columns.artifactNames.firstIndex(of: name) else { return [] }
        return columns.rowsByCode[code]
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, owner: AnyObject?, columns: consuming JSONTableColumns, index: RowKeyIndex) {
        self.bytes = bytes
        self.owner = owner
        self.index = index
        // Each column freed as soon as it is copied: the copies and the columns are never all
        // held at once.
        self.hot = UnsafeMutableBufferPointer.allocate(capacity: columns.hot.count)
        _ = hot.initialize(from: columns.hot)
        columns.hot = []
        self.starts = UnsafeMutableBufferPointer.allocate(capacity: columns.starts.count)
        _ = starts.initialize(from: columns.starts)
        self.wholes = UnsafeMutableBufferPointer.allocate(capacity: columns.wholes.count)
        _ = wholes.initialize(from: columns.wholes)
        columns.wholes = []
        self.keys = UnsafeMutableBufferPointer.allocate(capacity: columns.count)
        for row in 0..<columns.count {
            keys.initializeElement(
                at: row,
                to: RowKey(start: columns.instanceStarts[row], count: columns.instanceCounts[row], artifact: columns.artifactCodes[row]))
        }
        columns.instanceStarts = []
        columns.instanceCounts = []
        columns.artifactCodes = []
        self.anyScanned = !columns.scanned.isEmpty
        self.columns = columns
    }

    deinit {
        if owner == nil { UnsafeMutableBufferPointer(mutating: bytes).deallocate() }
        hot.deallocate()
        starts.deallocate()
        wholes.deallocate()
        keys.deallocate()
        index.deallocate()
    }

    /// The table in `buffer`, kept valid by `owner`; with no owner the bytes are copied.
    /// `nil` when the text is not the plain shape (see the type's notes). A big table is
    /// scanned in two parts at once (``JSONTableScan``; `cutNear` chooses the cut, for tests).
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, owner: AnyObject?, cutNear: Int? = nil) -> JSONItemRows? {
        let kept: UnsafeBufferPointer<UInt8>
        if owner == nil {
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, buffer.count))
            _ = copy.initialize(from: buffer)
            kept = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copy)[0..<buffer.count])
        } else {
            kept = buffer
        }
        guard var columns = JSONTableScan.columns(kept, cutNear: cutNear), let index = index(columns, in: kept) else {
            if owner == nil { UnsafeMutableBufferPointer(mutating: kept).deallocate() }
            return nil
        }
        // The hashes served the index: freed before the columns are copied.
        columns.instanceHashes = []
        return JSONItemRows(bytes: kept, owner: owner, columns: columns, index: index)
    }

    // MARK: - The key index

    private func instanceBytes(row: Int) -> UnsafeBufferPointer<UInt8> {
        let key = keys[row]
        return UnsafeBufferPointer(start: bytes.baseAddress! + key.start, count: Int(key.count))
    }

    /// The index of `columns`' keys, or `nil` when two items share one (the full read then
    /// reports it).
    private static func index(_ columns: JSONTableColumns, in bytes: UnsafeBufferPointer<UInt8>) -> RowKeyIndex? {
        let text = SendableBytes(bytes)
        return RowKeyIndex.build(count: columns.count, hashes: columns.instanceHashes) { other, row in
            let count = Int(columns.instanceCounts[row])
            return columns.artifactCodes[other] == columns.artifactCodes[row] && Int(columns.instanceCounts[other]) == count
                && bytesEqual(text.bytes.baseAddress! + columns.instanceStarts[other], text.bytes.baseAddress! + columns.instanceStarts[row], count: count)
        }
    }

    /// How many rows either side of a hint ``row(artifact:instance:near:)`` tries.
    static let neighborhood = 8

    /// The row keyed `artifact` and `instance`, if any, tried first at the rows within
    /// ``neighborhood`` of `near` (nearest first), then through the index: where a plan's
    /// versions are stored together, the walk's lookups skip the hash and the index's misses.
    func row(artifact: String, instance: String, near: Int) -> Int? {
        guard let code = columns.artifactNames.firstIndex(of: artifact) else { return nil }
        var instance = instance
        return instance.withUTF8 { wanted -> Int? in
            func isKey(_ row: Int) -> Bool {
                let key = keys[row]
                return Int(key.artifact) == code && Int(key.count) == wanted.count
                    && (wanted.isEmpty || bytesEqual(bytes.baseAddress! + key.start, wanted.baseAddress!, count: wanted.count))
            }
            if near >= 0, near < keys.count {
                if isKey(near) { return near }
                for distance in 1...Self.neighborhood {
                    if near + distance < keys.count, isKey(near + distance) { return near + distance }
                    if near - distance >= 0, isKey(near - distance) { return near - distance }
                }
            }
            return index.row(hash: RowKeyIndex.hash(wanted), where: isKey)
        }
    }

    /// The row keyed `artifact` and `instance`, if any.
    func row(artifact: String, instance: String) -> Int? {
        guard let code = columns.artifactNames.firstIndex(of: artifact) else { return nil }
        var instance = instance
        return instance.withUTF8 { wanted -> Int? in
            index.row(hash: RowKeyIndex.hash(wanted)) { row in
                let key = keys[row]
                return Int(key.artifact) == code && Int(key.count) == wanted.count
                    && (wanted.isEmpty || bytesEqual(bytes.baseAddress! + key.start, wanted.baseAddress!, count: wanted.count))
            }
        }
    }

    /// Where a row's instance text is and what its artifact is.
    private struct RowKey {
        var start: Int
        var count: Int32
        var artifact: UInt32
    }

    // MARK: - ItemRows

    func artifact(row: Int) -> String { columns.artifactNames[Int(keys[row].artifact)] }

    func instance(row: Int) -> String { String(decoding: instanceBytes(row: row), as: UTF8.self) }

    /// The attributes kept as columns, in slot order.
    static let hotKeys = [
        "version_instance", "version_latest", "plan", "belongs_to_artifact", "belongs_to_instance", "date", "updated",
        "status", "confidence", "note", "updater",
    ]

    /// `hotKeys.count`, as a constant: read for every attribute asked.
    static var hotCount: Int { 11 }

    /// The column slot of `name`, if it has one.
    private static func slot(_ name: String) -> Int? {
        // By length and one byte first: most names asked are not columns, and comparing
        // texts that differ takes the slow way (equal ones compare as two words).
        let utf8 = name.utf8
        let candidate: Int
        switch utf8.count {
        case 4:
            switch utf8.first {
            case UInt8(ascii: "p"): candidate = 2
            case UInt8(ascii: "d"): candidate = 5
            case UInt8(ascii: "n"): candidate = 9
            default: return nil
            }
        case 6: candidate = 7
        case 7: candidate = utf8.last == UInt8(ascii: "d") ? 6 : 10
        case 10: candidate = 8
        case 14: candidate = 1
        case 16: candidate = 0
        case 19: candidate = utf8[utf8.index(utf8.startIndex, offsetBy: 11)] == UInt8(ascii: "a") ? 3 : 4
        default: return nil
        }
        return name == hotKeys[candidate] ? candidate : nil
    }

    /// `name` is `instance` (`true`), `artifact` (`false`) or neither (`nil`): the keys.
    private static func key(_ name: String) -> Bool? {
        let utf8 = name.utf8
        guard utf8.count == 8 else { return nil }
        if utf8.first == UInt8(ascii: "i") { return name == "instance" ? true : nil }
        return name == "artifact" ? false : nil
    }

    /// The column slot of `name` when `row` has columns (it is not one of the long, scanned
    /// items) and `name` one.
    private func hotSlot(_ name: String, row: Int) -> Int? {
        guard let slot = Self.slot(name), !anyScanned || !columns.scanned.contains(row) else { return nil }
        return slot
    }

    /// The value text of column `slot` of `row`, `nil` when absent.
    private func hotValue(slot: Int, row: Int) -> Range<Int>? {
        let offset = hot[row &* Self.hotCount &+ slot]
        guard offset > 0 else { return nil }
        let start = starts[row] + Int(offset) - 1
        return start..<Self.checkedValueEnd(in: bytes, from: start)
    }

    /// `true` when column `slot` of `row` is present: the column alone says so.
    private func hasHotValue(slot: Int, row: Int) -> Bool {
        hot[row &* Self.hotCount &+ slot] > 0
    }

    /// Where the plain value starting at `start` ends, in text the table scan checked: a
    /// string's at the next quote (plain strings have no escapes), any other at the first
    /// `,`, `}` or white space after it.
    private static func checkedValueEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let base = bytes.baseAddress!
        if base[start] == UInt8(ascii: "\"") {
            let found = memchr(base + start + 1, Int32(UInt8(ascii: "\"")), bytes.count - start - 1)!
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        var end = start + 1
        while end < bytes.count {
            switch base[end] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09: return end
            default: end += 1
            }
        }
        return end
    }

    func attribute(_ name: String, row: Int) -> JSONValue? {
        if let isInstance = Self.key(name) { return .string(isInstance ? instance(row: row) : artifact(row: row)) }
        if let slot = hotSlot(name, row: row) {
            // The versions as the scan read them, when it could (no text touched).
            if slot < 2, case let whole = wholes[row &* 2 &+ slot], whole >= 0 { return .number(Double(whole)) }
            guard let range = hotValue(slot: slot, row: row) else { return nil }
            return value(range)
        }
        var found: JSONValue?
        forEachMember(row: row) { key, value in
            guard bytes.matches(key, name) else { return true }
            found = self.value(value)
            return false
        }
        return found
    }

    func hasAttribute(_ name: String, row: Int) -> Bool {
        if Self.key(name) != nil { return true }
        if let slot = hotSlot(name, row: row) { return hasHotValue(slot: slot, row: row) }
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
            && bytesEqual(bytes.baseAddress! + mine.lowerBound, other.bytes.baseAddress! + theirs.lowerBound, count: mine.count)
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

