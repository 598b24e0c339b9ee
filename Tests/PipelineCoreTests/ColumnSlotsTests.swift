@testable import PipelineCore
import Testing

@Suite("column slots")
struct ColumnSlotsTests {
    private func row(_ index: ColumnIndex, _ values: [Double]) -> StatisticsRow {
        StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                      keys: [:], columns: index, values: values)
    }

    @Test("slots read what the subscript reads, in rows of one layout and of another")
    func reads() {
        let index = ColumnIndex(["a", "b"])
        var first = row(index, [1, 2])
        first["c"] = 3
        var second = row(index, [4, 5])
        second["c"] = 6
        var other = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                                  numbers: ["b": 7])
        other["a"] = 8
        var slots = ColumnSlots(["c", "a", "missing", "b"])
        for candidate in [first, second, other, first] {
            let found = slots.slots(in: candidate)
            let read = found.map { candidate.value(at: $0) }
            let expected = ["c", "a", "missing", "b"].map { candidate[$0] }
            #expect(read.count == 4)
            for (got, want) in zip(read, expected) { #expect(got == want || (got.isNaN && want.isNaN)) }
        }
        #expect(first.has(first.layout) && first.has(second.layout) && !first.has(other.layout))
    }

    @Test("setting at a slot changes the file column, the added one, or adds the column")
    func sets() {
        let index = ColumnIndex(["a"])
        var changed = row(index, [1])
        changed["b"] = 2
        let original = changed
        var slots = ColumnSlots(["a", "b", "c"])
        let found = slots.slots(in: changed)
        changed.set(10, at: found[0], column: "a")
        changed.set(20, at: found[1], column: "b")
        changed.set(30, at: found[2], column: "c")
        #expect([changed["a"], changed["b"], changed["c"]] == [10, 20, 30])
        #expect(changed.columnNames == ["a", "b", "c"])
        #expect(original["a"] == 1 && original["b"] == 2 && original["c"].isNaN)
    }

    @Test("ratios through slots equal ratios set one by one")
    func ratios() {
        let index = ColumnIndex(["x", "y"])
        let rows = [row(index, [1, 4]), row(index, [3, .nan]), row(index, [0, 2])]
        let fast = rows.withRatios(["x", "y"]) { $0["x"] + 1 }
        let repeated = rows.withRatios(["x", "x"]) { $0["x"] + 1 }
        for (position, base) in rows.enumerated() {
            let total = base["x"] + 1
            #expect(fast[position]["x_ratio"] == base["x"] / total)
            let y = fast[position]["y_ratio"]
            #expect(y == base["y"] / total || (y.isNaN && base["y"].isNaN))
            #expect(repeated[position]["x_ratio"] == base["x"] / total)
        }
    }

    @Test("a year and place joins rows whose ids (and names, when asked) are equal, a missing id as an empty one")
    func yearAndPlace() {
        let a = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: "0101", subDistrictName: "A 1")
        let renamed = StatisticsRow(date: 2020, districtID: "01", districtName: "B", subDistrictID: "0101", subDistrictName: "A 1")
        let district = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil)
        let empty = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: "", subDistrictName: nil)
        #expect(a.yearAndPlace() == renamed.yearAndPlace())
        #expect(a.yearAndPlace(withNames: true) != renamed.yearAndPlace(withNames: true))
        #expect(a.yearAndPlace() != district.yearAndPlace())
        #expect(district.yearAndPlace() == empty.yearAndPlace())
        #expect(Set([a.yearAndPlace(), renamed.yearAndPlace(), district.yearAndPlace()]).count == 2)
    }
}
