@testable import PipelineCore
import Testing

@Suite("column index")
struct ColumnIndexTests {
    @Test("every name is found at its position, a repeated name at its first, others not at all")
    func positions() {
        // 121 ages and words of several lengths fill the table enough for probes to collide.
        let names = (0...120).map(String.init) + ["total", "lav_utdanning", "universitet_hogskole_kort", "Uten registrert adresse", "æøå", "5"]
        let index = ColumnIndex(names)
        for (position, name) in names.enumerated() where name != "5" || position < 121 {
            #expect(index.position(of: name) == position, "\(name)")
        }
        #expect(index.position(of: "5") == 5)
        for missing in ["", "121", "-1", "Total", "total ", "universitet_hogskole_lang", "æø"] {
            #expect(index.position(of: missing) == nil, "\(missing)")
        }
        #expect(ColumnIndex.empty.position(of: "total") == nil)
        #expect(index.numbered.count == 122)
    }

    @Test("rows read a lookup's columns by position, and by name when they are of another file")
    func lookups() {
        let index = ColumnIndex(["a", "b"])
        let lookup = ColumnLookup(["b", "c", "a"], in: index)
        var row = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                                keys: [:], columns: index, values: [1, 2])
        row["c"] = 3
        #expect([row[lookup, 0], row[lookup, 1], row[lookup, 2]] == [2, 3, 1])
        #expect(row.has(lookup, 1) && row.has(lookup, 0))
        let other = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                                  numbers: ["a": 7, "c": 9])
        #expect([other[lookup, 0].isNaN, other[lookup, 1] == 9, other[lookup, 2] == 7] == [true, true, true])
        #expect(!other.has(lookup, 0))
    }

    @Test("a copy of a row is changed apart from the row it was copied from")
    func copyOnWrite() {
        let index = ColumnIndex(["a"])
        let original = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                                     keys: ["kjonn": "1"], columns: index, values: [1])
        var copy = original
        copy["a"] = 5
        copy["total"] = 6
        copy.districtName = "B"
        copy.keys["kjonn"] = "2"
        #expect(original["a"] == 1 && original["total"].isNaN && original.districtName == "A" && original.keys["kjonn"] == "1")
        #expect(copy["a"] == 5 && copy["total"] == 6 && copy.districtName == "B" && copy.keys["kjonn"] == "2")
    }
}
