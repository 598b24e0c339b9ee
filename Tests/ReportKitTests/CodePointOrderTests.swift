import ReportKit
import Testing

/// ``CodePointOrder/compare(_:_:)`` on bytes orders as code points do, a prefix first.
@Suite struct CodePointOrderTests {
    static let texts = ["", "a", "ab", "abc", "b", "B", "Z", "Å", "Æ", "é", "e\u{301}", "😀", "\u{FFFF}", "a\u{0}", "ab\u{0}c"]

    static func compare(_ lhs: String, _ rhs: String) -> Int {
        Array(lhs.utf8).withUnsafeBytes { left in Array(rhs.utf8).withUnsafeBytes { right in CodePointOrder.compare(left, right) } }
    }

    @Test("the sign is the code points' order, zero only for the same text")
    func ordersAsCodePoints() {
        for lhs in Self.texts {
            for rhs in Self.texts {
                let scalars = lhs.unicodeScalars.map(\.value).lexicographicallyPrecedes(rhs.unicodeScalars.map(\.value))
                let order = Self.compare(lhs, rhs)
                #expect((order < 0) == scalars, "\(lhs.debugDescription) vs \(rhs.debugDescription)")
                #expect((order == 0) == (Array(lhs.utf8) == Array(rhs.utf8)))
                #expect(order.signum() == lhs.compareByCodePoints(rhs).signum())
            }
        }
    }
}
