import Foundation
import PipelineCore
import ReportKit
import Testing

@Suite("pipeline engine")
struct EngineTests {
    static let header = "aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;a;b\n"

    func rows(_ body: String, keys: Set<String> = []) throws -> [StatisticsRow] {
        try StatisticsTable.read(Array((Self.header + body).utf8), file: "t.csv", keyColumns: keys)
    }

    @Test("CSV: quoted fields, ids kept as text, empty numbers missing")
    func csv() throws {
        let table = try rows("2019;01;\"Bydel \"\"A\"\"; sør\";0101;Sub;5;\n")
        #expect(table[0].districtID == "01" && table[0].subDistrictID == "0101")
        #expect(table[0].districtName == "Bydel \"A\"; sør")
        #expect(table[0]["a"] == 5 && table[0]["b"].isNaN)
    }

    @Test("a number column that holds text is bad input naming file, line and column")
    func badNumber() throws {
        let error = try #require(throws: ParseError.self) { try rows("2019;01;A;0101;S;x;1\n") }
        #expect(error.summary == "t.csv:2:18: error: csv: column 'a' is 'x', expected a number")
    }

    @Test("three levels: sub-districts, districts (rows without a sub-district count there only), Oslo with 16/17/99")
    func levels() throws {
        let input = try rows("""
            2019;01;A;0101;S1;1;10
            2019;01;A;0102;S2;2;
            2019;01;A;;;4;40
            2019;16;Sentrum;1601;Sentrum;8;80
            """ + "\n")
        let aggregated = try Aggregation(rules: ["a": .sum, "b": .sum]).aggregate(input)
        let summary = aggregated.map { "\($0.districtID ?? "-")/\($0.subDistrictID ?? "-")=\(Int($0["a"]))/\(Int($0["b"]))" }
        #expect(summary == ["01/0101=1/10", "01/0102=2/0", "16/1601=8/80", "01/-=7/50", "16/-=8/80", "00/-=15/130"])
        #expect(aggregated.last?.districtName == "Oslo i alt")
    }

    @Test("sum-all-or-none: all missing stays missing; a mix is an error naming the rows")
    func allOrNone() throws {
        let allMissing = try rows("2019;01;A;0101;S1;1;\n2019;01;A;0102;S2;2;\n")
        #expect(try Aggregation(rules: ["b": .sumAllOrNone]).aggregate(allMissing).allSatisfy { $0["b"].isNaN })
        let mixed = try rows("2019;01;A;0101;S1;1;5\n2019;01;A;0102;S2;2;\n")
        let error = try #require(throws: PipelineError.self) { try Aggregation(rules: ["b": .sumAllOrNone]).aggregate(mixed) }
        #expect(error.description.contains("0102") && error.description.contains("2019"))
    }

    @Test("historic keeps the years every table has; status the latest of them")
    func years() throws {
        let first = try rows("2017;01;A;0101;S;1;1\n2018;01;A;0101;S;1;1\n2019;01;A;0101;S;1;1\n")
        let second = try rows("2016;01;A;0101;S;1;1\n2017;01;A;0101;S;1;1\n2018;01;A;0101;S;1;1\n")
        #expect(Years.historic([first, second]).map { $0.map(\.date) } == [[2017, 2018], [2017, 2018]])
        #expect(try Years.status([first, second]).map { $0.map(\.date) } == [[2018], [2018]])
        #expect(throws: PipelineError.self) { try Years.status([first, try rows("2010;01;A;0101;S;1;1\n")]) }
    }

    @Test("district files: sub-districts, the district (average row), Oslo (total row); 00 lists districts but 16/17/99")
    func files() throws {
        let input = try rows("2019;01;A;0101;S1;1;10\n2019;02;B;0201;S2;2;20\n2019;99;U;9999;U;3;30\n")
        let aggregated = try Aggregation(rules: ["a": .sum]).aggregate(input)
        let files = try DistrictFiles(series: ["a"], template: .flat, metadata: GraphMetadata(heading: "h", series: []))
            .generate(aggregated, publishedDate: "2020-05-01")
        #expect(files.map { $0["id"]?.stringValue ?? "" } == ["01", "02", "00"])
        let district = try #require(files.first?["data"]?.arrayValue)
        #expect(district.map { $0["id"]?.stringValue ?? "" } == ["0101", "01", "00"])
        #expect(district.map { $0["avgRow"]?.boolValue ?? false } == [false, true, false])
        #expect(district.map { $0["totalRow"]?.boolValue ?? false } == [false, false, true])
        #expect(district[2]["values"] == [["value": 6, "date": 2019]])
        let oslo = try #require(files.last?["data"]?.arrayValue)
        #expect(oslo.map { $0["id"]?.stringValue ?? "" } == ["01", "02", "00"])
        #expect(files.last?["meta"]?["scope"] == "oslo i alt")
    }
}
