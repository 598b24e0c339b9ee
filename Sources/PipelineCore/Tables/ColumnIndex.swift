/// The number columns of a file, shared by its rows: a row keeps only its values, in this
/// order, and finds a column's value through the shared positions.
///
/// Functions look columns up by name many times per row, so the names sit in an open-addressing
/// table keyed by an FNV-1a hash of their UTF-8 bytes: cheaper, for names of a few bytes, than
/// the seeded hashing of a `Dictionary`.
final class ColumnIndex: Sendable {
    let names: [String]
    /// Positions and numbers of the columns named by whole numbers (ages).
    let numbered: [(position: Int, number: Int)]
    /// `true` when every column is named by a whole number, in file order (an ages file):
    /// then summing all ages is summing all values.
    let allNumbered: Bool
    /// Slot → position in `names`, -1 for an empty slot; the count is a power of two.
    private let slots: [Int32]

    init(_ names: [String]) {
        self.names = names
        numbered = names.indices.compactMap { position in Int(names[position]).map { (position, $0) } }
        allNumbered = numbered.count == names.count
        var count = 8
        while count < names.count * 2 { count *= 2 }
        var slots = [Int32](repeating: -1, count: count)
        for (position, name) in names.enumerated() {
            var slot = Self.hash(name) & (count - 1)
            while slots[slot] >= 0, names[Int(slots[slot])] != name { slot = (slot + 1) & (count - 1) }
            if slots[slot] < 0 { slots[slot] = Int32(position) }  // a repeated name keeps its first position
        }
        self.slots = slots
    }

    /// The position of the column `name`, or `nil`.
    func position(of name: String) -> Int? {
        if names.isEmpty { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(name) & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if names[position] == name { return position }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }

    static let empty = ColumnIndex([])
}

/// Column names looked up once in a file's column index, so that reading them from many rows
/// of that file costs no hashing: a template reads 121 ages from every geography.
struct ColumnLookup: Sendable {
    let names: [String]
    let index: ColumnIndex
    /// Each name's position in `index`, `nil` for a column the file does not have.
    let positions: [Int?]

    init(_ names: [String], in index: ColumnIndex) {
        self.names = names
        self.index = index
        positions = names.map { index.position(of: $0) }
    }
}
