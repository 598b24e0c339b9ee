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
            rhs.withUTF8 { right in
                let common = Swift.min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = Int(memcmp(a, b, common))
                    if order != 0 { return order }
                }
                return left.count - right.count
            }
        }
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
