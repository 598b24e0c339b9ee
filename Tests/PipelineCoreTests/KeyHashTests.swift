@testable import PipelineCore
import Testing

@Suite("key hash")
struct KeyHashTests {
    private func hash(_ build: (inout KeyHash) -> Void) -> Int {
        var key = KeyHash()
        build(&key)
        var hasher = Hasher()
        key.feed(into: &hasher)
        return hasher.finalize()
    }

    @Test("equal keys hash alike: canonically equal texts too, the Kelvin sign and K among them")
    func equalKeys() {
        #expect(hash { $0.add(2020); $0.add("0101"); $0.add(nil) } == hash { $0.add(2020); $0.add("0101"); $0.add(nil) })
        // "é" as one scalar and as "e" with a combining accent: equal Strings, other bytes.
        let composed = "Innvandrer, kort botid (<=5 \u{E5}r) \u{E9}", decomposed = "Innvandrer, kort botid (<=5 \u{E5}r) e\u{301}"
        #expect(composed == decomposed)
        #expect(hash { $0.add(composed) } == hash { $0.add(decomposed) })
        for (odd, ascii) in [("\u{212A}elvin", "Kelvin"), ("a\u{037E}b", "a;b"), ("\u{1FEF}", "`")] {
            #expect(odd == ascii)
            #expect(hash { $0.add(odd) } == hash { $0.add(ascii) }, "\(ascii)")
        }
        #expect(hash { $0.add("\u{212A}\u{E9}") } == hash { $0.add("Ke\u{301}") })
    }

    @Test("keys that differ in a number, a text, the split between texts or a nil hash apart")
    func differentKeys() {
        let keys = [
            hash { $0.add(2020); $0.add("01") }, hash { $0.add(2021); $0.add("01") }, hash { $0.add(2020); $0.add("02") },
            hash { $0.add("ab"); $0.add("c") }, hash { $0.add("a"); $0.add("bc") }, hash { $0.add(""); $0.add("abc") },
            hash { $0.add(nil); $0.add("01") }, hash { $0.add(""); $0.add("01") },
        ]
        #expect(Set(keys).count == keys.count)
    }

    @Test("group keys with the same ids and other names are different groups, found apart")
    func groupKeys() {
        let rows = [
            StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: "0101", subDistrictName: "A 1"),
            StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: "0101", subDistrictName: "Other"),
            StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: "0101", subDistrictName: "A 1"),
        ]
        let keys = rows.map { Aggregation.GroupKey($0, level: .subDistrict, extraKeys: []) }
        #expect(Set(keys).count == 2)
        #expect(keys[0] == keys[2] && keys[0] != keys[1])
    }
}
