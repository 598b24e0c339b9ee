@testable import QualityCore
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
