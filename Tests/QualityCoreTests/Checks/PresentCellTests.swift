@testable import QualityCore
import Testing

/// A cell's length in code points, counted from its bytes.
@Suite struct PresentCellTests {
    static func lengthFromBytes(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { PresentCell.codePoints($0) }
    }

    @Test("the well-formed fast path says well-formed exactly when the standard library's UTF-8 validation does")
    func wellFormedFastPath() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC1, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x8F, 0x90]
        for length in 0..<24 {
            for _ in 0..<2_000 {
                let bytes = (0..<length).map { _ -> UInt8 in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return state >> 60 < 6 ? 0x61 : alphabet[Int(state >> 33) % alphabet.count]
                }
                let valid = String(validating: bytes, as: UTF8.self)
                let fast = bytes.withUnsafeBytes { PresentCell.validCodePoints($0) }
                #expect(fast == valid?.unicodeScalars.count, "\(bytes)")
            }
        }
    }

    @Test("code points counted from the bytes equal those of the text String(decoding:) makes: valid UTF-8 and every kind of invalid sequence")
    func codePointsAsTheText() {
        let cases: [[UInt8]] = [
            Array("Tromsø Zürich 日本 𝄞 e\u{301}".utf8), [0xFF], [0x80], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xE2, 0x82, 0x28],
            [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
            [0xE0, 0x80, 0xAF], [0x41, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x42], [],
        ]
        for bytes in cases {
            #expect(Self.lengthFromBytes(bytes) == String(decoding: bytes, as: UTF8.self).unicodeScalars.count, "\(bytes)")
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x8F]
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(state >> 60)
            let bytes = (0..<count).map { index in alphabet[Int((state >> UInt64(4 * index % 56)) & 0xFF) % alphabet.count] }
            #expect(Self.lengthFromBytes(bytes) == String(decoding: bytes, as: UTF8.self).unicodeScalars.count, "\(bytes)")
        }
    }
}
