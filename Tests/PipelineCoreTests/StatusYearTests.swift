@testable import PipelineCore
import Testing

@Suite("latest shared year and missing numbers")
struct StatusYearTests {
    private func row(_ date: Int, _ numbers: [String: Double] = [:]) -> StatisticsRow {
        StatisticsRow(date: date, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil, numbers: numbers)
    }

    @Test("the latest year every table has, each table's rows of it; none when they share no year")
    func latestShared() throws {
        let tables = [[row(2018), row(2019), row(2020)], [row(2019), row(2017), row(2019)]]
        let latest = Years.latestShared(tables)
        #expect(latest?.map { $0.map(\.date) } == [[2019], [2019, 2019]])
        #expect(Years.latestShared([[row(2018)], [row(2019)]]) == nil)
        #expect(Years.latestShared(tables)?.map(\.count) == (try Years.status(tables)).map(\.count))
    }

    @Test("a row misses a number when one of its file's or its own columns is NaN")
    func missing() {
        let index = ColumnIndex(["a", "b"])
        var complete = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                                     keys: [:], columns: index, values: [1, 2])
        #expect(!complete.hasMissingNumber)
        complete["c"] = .nan
        #expect(complete.hasMissingNumber)
        let gap = StatisticsRow(date: 2020, districtID: "01", districtName: "A", subDistrictID: nil, subDistrictName: nil,
                                keys: [:], columns: index, values: [1, .nan])
        #expect(gap.hasMissingNumber && !row(2020, ["x": 1]).hasMissingNumber && row(2020, ["x": .nan]).hasMissingNumber)
        for candidate in [complete, gap, row(2020, ["x": 1])] {
            #expect(candidate.hasMissingNumber == candidate.numbers.values.contains { $0.isNaN })
        }
    }
}
