import Foundation

extension String {
    /// `true` when `self` sorts before `other` comparing Unicode code points one by one,
    /// case-sensitively: the order Python's `sorted` gives, and the only string order
    /// ReportKit's outputs use. (Swift's `<` compares canonically equivalent forms instead.)
    ///
    /// UTF-8 preserves code-point order, so the bytes are compared, a word at a time.
    public func precedesByCodePoints(_ other: String) -> Bool {
        compareByCodePoints(other) < 0
    }

    /// Negative, zero or positive as `self` sorts before, equal to or after `other` in
    /// code-point order.
    public func compareByCodePoints(_ other: String) -> Int {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in CodePointOrder.compare(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right)) }
        }
    }
}

/// Code-point order on UTF-8 bytes: the order of ``Swift/String/compareByCodePoints(_:)``,
/// for values kept as bytes (a profile's distinct texts).
public enum CodePointOrder {
    /// Negative, zero or positive as `lhs` sorts before, equal to or after `rhs`: UTF-8 keeps
    /// code-point order, so the bytes are compared (one `memcmp`), a prefix first.
    public static func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int {
        let common = Swift.min(lhs.count, rhs.count)
        if common > 0, let a = lhs.baseAddress, let b = rhs.baseAddress {
            let order = Int(memcmp(a, b, common))
            if order != 0 { return order }
        }
        return lhs.count - rhs.count
    }
}

extension Sequence {
    /// The elements sorted by the string `key` in code-point order; equal keys keep their
    /// relative order (stable, like Python's `sorted`).
    public func sortedByCodePoints(_ key: (Element) -> String) -> [Element] {
        let keyed = enumerated().map { (offset: $0.offset, key: key($0.element), element: $0.element) }
        return keyed.sorted { lhs, rhs in
            let order = lhs.key.compareByCodePoints(rhs.key)
            return order != 0 ? order < 0 : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
