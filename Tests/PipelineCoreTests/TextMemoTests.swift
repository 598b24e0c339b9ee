@testable import PipelineCore
import Testing

/// The memo answers as its dictionary does, for texts seen before and new ones alike.
@Suite("Text memo")
struct TextMemoTests {
    @Test("repeated, canonically equal, unknown and many texts get the dictionary's answer")
    func answers() {
        let values = ["Innvandrer, kort botid (<=5 år)": 0, "Øvrige": 1]
        var memo = TextMemo(values)
        let decomposed = "Innvandrer, kort botid (<=5 a\u{30A}r)"
        #expect(decomposed.utf8.count != "Innvandrer, kort botid (<=5 år)".utf8.count)
        let asked = ["Øvrige", "Innvandrer, kort botid (<=5 år)", "Øvrige", decomposed, "ukjent", "ukjent", decomposed]
        #expect(asked.map { memo.value(of: $0) } == asked.map { values[$0] })
        // Past the limit of remembered texts the answers stay the dictionary's.
        let many = (0..<(TextMemo<Int>.limit * 2)).map { "tekst \($0)" } + ["Øvrige", "tekst 1", "Øvrige"]
        #expect(many.map { memo.value(of: $0) } == many.map { values[$0] })
    }
}
