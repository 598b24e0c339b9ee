/// A set of Unicode code points, as a regular expression's `.`, `[...]` or `\d` stands for:
/// ASCII in a 128-bit map, the rest as sorted, disjoint, non-adjacent closed ranges.
///
/// Code points are `UInt32`s; a byte that is not valid UTF-8 is read as U+FFFD (see
/// ``ByteRegexMatcher``), so it is in a class exactly when U+FFFD is.
public struct CodePointClass: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Ranges of code points at or above 128.
    private(set) var wide: [ClosedRange<UInt32>] = []

    /// The empty class.
    public init() {}

    /// The code points of `ranges` (in any order, overlapping or not).
    public init(_ ranges: [ClosedRange<UInt32>]) {
        for range in ranges { insert(range) }
    }

    /// The largest code point.
    public static let maximum: UInt32 = 0x10FFFF

    /// Whether `codePoint` is in the class.
    @inline(__always)
    public func contains(_ codePoint: UInt32) -> Bool {
        if codePoint < 64 { return low & (1 << UInt64(codePoint)) != 0 }
        if codePoint < 128 { return high & (1 << UInt64(codePoint - 64)) != 0 }
        return containsWide(codePoint)
    }

    private func containsWide(_ codePoint: UInt32) -> Bool {
        var lower = 0
        var upper = wide.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if wide[middle].upperBound < codePoint {
                lower = middle + 1
            } else if wide[middle].lowerBound > codePoint {
                upper = middle
            } else {
                return true
            }
        }
        return false
    }

    /// Adds the code points of `range`.
    public mutating func insert(_ range: ClosedRange<UInt32>) {
        let upper = Swift.min(range.upperBound, Self.maximum)
        guard range.lowerBound <= upper else { return }
        var codePoint = range.lowerBound
        while codePoint < 128, codePoint <= upper {
            if codePoint < 64 { low |= 1 << UInt64(codePoint) } else { high |= 1 << UInt64(codePoint - 64) }
            codePoint += 1
        }
        guard codePoint <= upper else { return }
        var merged = codePoint...upper
        var kept: [ClosedRange<UInt32>] = []
        kept.reserveCapacity(wide.count + 1)
        for existing in wide {
            if existing.upperBound &+ 1 < merged.lowerBound || merged.upperBound &+ 1 < existing.lowerBound {
                kept.append(existing)
            } else {
                merged = Swift.min(existing.lowerBound, merged.lowerBound)...Swift.max(existing.upperBound, merged.upperBound)
            }
        }
        kept.append(merged)
        kept.sort { $0.lowerBound < $1.lowerBound }
        wide = kept
    }

    /// Adds every code point of `other`.
    public mutating func formUnion(_ other: CodePointClass) {
        low |= other.low
        high |= other.high
        for range in other.wide { insert(range) }
    }

    /// Every code point not in the class.
    public var inverted: CodePointClass {
        var result = CodePointClass()
        result.low = ~low
        result.high = ~high
        var next: UInt32 = 128
        for range in wide {
            if range.lowerBound > next { result.wide.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= Self.maximum { result.wide.append(next...Self.maximum) }
        return result
    }

    /// `.`: every code point but `\n` (RE2's default).
    public static let anyButNewline = CodePointClass([0...9, 11...maximum])
    /// `\d`: ASCII digits (RE2's).
    public static let digits = CodePointClass([48...57])
    /// `\w`: ASCII letters, digits and `_` (RE2's).
    public static let wordCharacters = CodePointClass([48...57, 65...90, 95...95, 97...122])
    /// `\s`: tab, line feed, form feed, carriage return and space (RE2's; not `\v`).
    public static let spaces = CodePointClass([9...10, 12...13, 32...32])
}
