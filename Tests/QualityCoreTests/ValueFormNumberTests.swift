@testable import QualityCore
import ReportKit
import Testing

/// ``ValueForm``'s integer reading on both sides of its 18-digit fast path, and
/// `number(_:form:)` against `number(_:)`.
@Suite struct ValueFormNumberTests {
    static func integer(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBytes { ValueForm.integer($0) }
    }

    @Test("integers of 1 to 20 digits, signed, at the Int64 limits and past them")
    func integers() {
        for digits in 1...18 {
            let text = String(repeating: "9", count: digits)
            #expect(Self.integer(text) == Int64(text))
            #expect(Self.integer("-" + text) == Int64("-" + text))
            #expect(Self.integer("+" + text) == Int64(text))
        }
        #expect(Self.integer("9223372036854775807") == .max)
        #expect(Self.integer("-9223372036854775808") == .min)
        #expect(Self.integer("9223372036854775808") == nil)
        #expect(Self.integer("-9223372036854775809") == nil)
        #expect(Self.integer("99999999999999999999") == nil)
        #expect(Self.integer("000000000000000000042") == 42)
        for bad in ["", "-", "+", "1a", "12 ", " 1", "1.0", "--1", "١٢"] { #expect(Self.integer(bad) == nil, "\(bad)") }
    }

    @Test("the short-decimal fast path gives DecimalText's correctly rounded value, bit for bit, and declines the rest")
    func shortDecimals() {
        func both(_ text: String) -> (fast: Double?, full: Double?) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { raw in
                (ValueForm.shortDecimal(raw), ValueForm.isDecimal(raw) ? DecimalText.double(raw.bindMemory(to: UInt8.self)) : nil)
            }
        }
        var state: UInt64 = 0x853C_49E6_748F_EA9B
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var taken = 0
        for _ in 0..<50_000 {
            let digits = 1 + Int(next() % 16)
            var text = String((0..<digits).map { _ in Character(String(next() % 10)) })
            let point = Int(next() % UInt64(digits + 1))
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            if next() % 3 == 0 { text = "-" + text } else if next() % 7 == 0 { text = "+" + text }
            let (fast, full) = both(text)
            if let fast {
                taken += 1
                #expect(fast.bitPattern == full?.bitPattern, "\(text): \(fast) against \(String(describing: full))")
            } else {
                #expect(digits > 15, "\(text) is short and was declined")
            }
        }
        #expect(taken > 40_000)
        for text in ["-0.0", "0.", ".5", "+.5", "-14076.01", "99999.99", "0.1", "123456789012.345"] {
            let (fast, full) = both(text)
            #expect(fast != nil && fast?.bitPattern == full?.bitPattern, "\(text)")
        }
        for declined in ["", ".", "-", "-.", "12", "1.2.3", "1e5", "1.5e3", "1,5", " 1.5", "1.5 ", "1234567890123456.5", "--1.5", "1.-5"] {
            #expect(both(declined).fast == nil, "\(declined)")
        }
    }

    @Test("number with the form known equals number read from scratch")
    func numberWithForm() {
        for text in ["0", "-0", "12", "-9223372036854775808", "9223372036854775808", "1.5", "-.5", "1e3", "2.5E-3", "1e999", "abc", "2024-01-01"] {
            Array(text.utf8).withUnsafeBytes { bytes in
                let form = ValueForm.of(bytes)
                let known = ValueForm.number(bytes, form: form)
                let scratch = ValueForm.number(bytes)
                #expect(known?.bitPattern == scratch?.bitPattern, "\(text)")
            }
        }
    }
}
