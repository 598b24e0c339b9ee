import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("decimal text")
struct DecimalTextTests {
    static func read(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { DecimalText.double($0) }
    }

    /// Equal as bits (so -0 and 0 differ), or both not numbers.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
        default: return false
        }
    }

    @Test("agrees with Double(String)", arguments: [
        "0", "-0", "+0", "-0.0", "0.0e5", "42", "-7", "+4", ".5", "5.", "-.25", "+.5", ".", "-", "+", "", " 5", "5 ", " ",
        "1e3", "1E+3", "1e-3", "2.5e-22", "1e22", "1e23", "1e-22", "1e-23", "123456789012345", "1234567890123456",
        "9007199254740993", "12345678901234567890", "0.30000000000000004", "0.000000000000001", "1.7976931348623157e308",
        "1e309", "4.9e-324", "1e-400", "00000000000000000012", "0.1000000000000000000000", "1e", "1e+", "e5", "1.2.3",
        "--1", "1_000", "0x1p3", "inf", "-infinity", "nan", "NaN", "1,5", "٣", "12a", "1e00001", "1e0000", "99999999999999.9",
    ])
    func edges(_ text: String) {
        #expect(Self.same(Self.read(text), Double(text)), "\(text)")
    }

    @Test("agrees with Double(String) on random decimals")
    func random() {
        var generator = SplitMix(seed: 20261201)
        let alphabet = Array("0123456789")
        for _ in 0..<100_000 {
            var text = ""
            switch generator.next() % 4 {
            case 0: text += "-"
            case 1: text += "+"
            default: break
            }
            let integer = Int(generator.next() % 19)
            for _ in 0..<integer { text.append(alphabet[Int(generator.next() % 10)]) }
            if generator.next() % 2 == 0 {
                text += "."
                for _ in 0..<Int(generator.next() % 19) { text.append(alphabet[Int(generator.next() % 10)]) }
            }
            if generator.next() % 4 == 0 {
                text += generator.next() % 2 == 0 ? "e" : "E"
                if generator.next() % 2 == 0 { text += generator.next() % 2 == 0 ? "-" : "+" }
                text += String(generator.next() % 40)
            }
            #expect(Self.same(Self.read(text), Double(text)), "\(text)")
        }
    }

    @Test("round trip of random doubles printed shortest")
    func shortest() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<50_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = "\(value)"
            #expect(Self.same(Self.read(text), value), "\(text)")
            let short = String(format: "%.6g", value)
            #expect(Self.same(Self.read(short), Double(short)), "\(short)")
        }
    }
}

