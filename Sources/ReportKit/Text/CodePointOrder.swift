extension String {
    /// `true` when `self` sorts before `other` comparing Unicode code points one by one,
    /// case-sensitively: the order Python's `sorted` gives, and the only string order
    /// ReportKit's outputs use. (Swift's `<` compares canonically equivalent forms instead.)
    public func precedesByCodePoints(_ other: String) -> Bool {
        unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }
}

extension Sequence {
    /// The elements sorted by the string `key` in code-point order; equal keys keep their
    /// relative order (stable, like Python's `sorted`).
    public func sortedByCodePoints(_ key: (Element) -> String) -> [Element] {
        let keyed = enumerated().map { (offset: $0.offset, key: key($0.element), element: $0.element) }
        return keyed.sorted { lhs, rhs in
            if lhs.key.precedesByCodePoints(rhs.key) { return true }
            if rhs.key.precedesByCodePoints(lhs.key) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
