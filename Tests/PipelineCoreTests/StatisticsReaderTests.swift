import Foundation
import PipelineCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("statistics reader on the CSV scanner")
struct StatisticsReaderTests {
    static let columns = StatisticsColumns(keys: ["kjonn"], numbers: .only(["a"], ages: true))

    /// Rows as text (a missing number is NaN, which is not equal to itself).
    static func shown(_ text: String, columns: StatisticsColumns = columns) throws -> [String] {
        try StatisticsTable.read(Array(text.utf8), file: "t.csv", columns: columns).map { row in
            let numbers = row.numbers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let place = [row.districtID, row.districtName, row.subDistrictID, row.subDistrictName].map { $0 ?? "-" }
            return "\(row.date) \(place.joined(separator: "/")) \(row.keys.sorted { $0.key < $1.key }) \(numbers)"
        }
    }

    static let expected = [
        "2019 01/A/0101/S [(key: \"kjonn\", value: \"1\")] [\"0=5.0\", \"1=-3.0\", \"a=2.5\"]",
        "2020 01/A/-/- [(key: \"kjonn\", value: \"2\")] [\"0=7.0\", \"1=nan\", \"a=0.5\"]",
    ]

    @Test("the same rows whatever the line ends, blank lines, quotes, byte order mark and unused columns", arguments: [
        "aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;kjonn;0;1;a\n2019;01;A;0101;S;1;5;-3;2.5\n2020;01;A;;;2;7;;.5\n",
        // CR-only line ends (the old one-pass reader read a header and no rows).
        "aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;kjonn;0;1;a\r2019;01;A;0101;S;1;5;-3;2.5\r2020;01;A;;;2;7;;.5",
        "aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;kjonn;0;1;a\r\n2019;01;A;0101;S;1;5;-3;2.5\r\n2020;01;A;;;2;7;;.5\r\n",
        // Blank lines anywhere, the first line too (one reader said "empty", the other skipped it).
        "\n\r\naar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;kjonn;0;1;a\n\n2019;01;A;0101;S;1;5;-3;2.5\n\n2020;01;A;;;2;7;;.5\n\n",
        // Quoted fields, spaces around numbers.
        "\u{FEFF}\"aar\";bydel_id;bydel_navn;delbydel_id;delbydel_navn;kjonn;0;1;a\n\"2019\";\"01\";\"A\";0101;S;\"1\";\" 5 \";-3;\"2.5\"\n2020;01;A;\"\";;2;7;\"\";.5\n",
        // Columns the function does not read, text or numbers, are skipped whatever they hold.
        "aar;bydel_id;bydel_navn;aldersgruppe_5_aar;delbydel_id;delbydel_navn;kjonn;0;1;innflytting_innenfor_bydelen;a;note\n"
            + "2019;01;A;Under 10 år;0101;S;1;5;-3;12;2.5;\"x;y\"\n2020;01;A;90 år og eldre;;;2;7;;..;.5;\n",
    ])
    func sameRows(_ text: String) throws {
        #expect(try Self.shown(text) == Self.expected)
    }

    @Test("a key column the file lacks is absent from the keys, on every path")
    func missingKey() throws {
        for text in ["aar;bydel_id;a\n2019;01;1\n", "aar;bydel_id;a\n2019;\"01\";\"1\"\n"] {
            let rows = try StatisticsTable.read(Array(text.utf8), file: "t.csv", columns: Self.columns)
            #expect(rows.map(\.keys) == [[:]])
        }
        let empty = try StatisticsTable.read(Array("aar;kjonn;a\n2019;;1\n".utf8), file: "t.csv", columns: Self.columns)
        #expect(empty.map(\.keys) == [["kjonn": ""]])
    }

    @Test("every row has its own key set, however the rows repeat them, quoted or not")
    func keySets() throws {
        // 30 key sets cycling (more than the last row's), ones equal in text but not in bytes
        // (quoted), a doubled quote, non-ASCII text and two fields whose bytes join alike.
        var text = "aar;kjonn;alder;a\n"
        var expected: [[String: String]] = []
        for row in 0..<200 {
            let (sex, age) = (row % 2 == 0 ? "1" : "2", ["0-5", "6-15", "16-19", "Øvrige", "x\"y", "ab", "a"][row % 15 % 7])
            let written = age == "x\"y" ? "\"x\"\"y\"" : row % 3 == 0 ? "\"\(age)\"" : age
            let sexWritten = age == "a" ? "1b" : sex
            text += "2019;\(sexWritten);\(written);\(row)\n"
            expected.append(["kjonn": sexWritten, "alder": age])
        }
        let rows = try StatisticsTable.read(Array(text.utf8), file: "t.csv", columns: StatisticsColumns(keys: ["kjonn", "alder"], numbers: .everyOther))
        #expect(rows.map(\.keys) == expected)
        #expect(rows.map { $0["a"] } == (0..<200).map(Double.init))
    }

    @Test("located bad input", arguments: [
        ("aar;kjonn;kjonn\n2019;1;2\n", "t.csv:1:11: error: csv: column 'kjonn' appears twice, as columns 2 and 3"),
        ("aar;a;bydel_id;a\n2019;1;01;2\n", "t.csv:1:16: error: csv: column 'a' appears twice, as columns 2 and 4"),
        ("aar;a\n2019;x\n", "t.csv:2:6: error: csv: column 'a' is 'x', expected a number"),
        ("aar;a\n\"soon\";1\n", "t.csv:2:1: error: csv: 'aar' is 'soon', expected a year"),
        // A row with a bad number and a bad year: the one that comes first is named.
        ("a;aar\nx;soon\n", "t.csv:2:1: error: csv: column 'a' is 'x', expected a number"),
        ("aar;a\nsoon;x\n", "t.csv:2:1: error: csv: 'aar' is 'soon', expected a year"),
        ("a;b;aar;c\n1;y;soon;x\n", "t.csv:2:3: error: csv: column 'b' is 'y', expected a number"),
        // Key sets found again by their bytes: rows cycling through more key sets than
        // rows in a run, and a key with doubled quotes.
        ("aar;kjonn;a\n2019;1;1\n2019;\"1\"\"\";2\n2019;2;z\n", "t.csv:4:8: error: csv: column 'a' is 'z', expected a number"),
        ("aar;a\n2019;1;2\n", "t.csv:2:8: error: csv: 3 fields, but the header has 2"),
        ("aar;a\n2019;\"1\n", "t.csv:2:6: error: csv: a quoted field is not closed: no quote ends the one here"),
        ("\n\n", "t.csv:1:1: error: csv: the file is empty; expected a header line"),
    ])
    func errors(text: String, summary: String) throws {
        let error = try #require(throws: ParseError.self) {
            try StatisticsTable.read(Array(text.utf8), file: "t.csv", columns: StatisticsColumns(keys: ["kjonn"], numbers: .everyOther))
        }
        #expect(error.summary == summary)
        #expect(error.category == .badInput)
    }

    @Test("a repeated column the function does not read is skipped like any unused column")
    func repeatedUnused() throws {
        let rows = try StatisticsTable.read(Array("aar;note;a;note\n2019;x;1;y\n".utf8), file: "t.csv", columns: Self.columns)
        #expect(rows.map { $0["a"] } == [1])
        #expect(rows.first?.has("note") == false)
    }

    @Test("a run on a file naming a key column twice fails as bad input with step data naming both positions (it trapped)")
    func repeatedKeyRun() async throws {
        let store = InMemoryObjectStore()
        try await store.put("processed/b/file.csv", Data("aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;kjonn;kjonn;0\n2019;01;A;0101;S;1;2;5\n".utf8))
        let event = PipelineEvents.event(function: "alder-distribusjon-status", type: "status", inputs: ["befolkning-etter-kjonn-og-alder": "processed/b/"])
        let outcome = await PipelineRun(store: store, clock: FixedClock(Timestamp.parse("2020-05-01")!)).run(eventBytes: Array(event.utf8))
        #expect(outcome.failure?.category == .badInput)
        #expect(outcome.stepData["errors"]?.arrayValue?.compactMap(\.stringValue)
            == ["processed/b/file.csv:1:57: error: csv: column 'kjonn' appears twice, as columns 6 and 7"])
        #expect(outcome.written.isEmpty)
    }

    @Test("no year column is bad input listing the columns")
    func noYear() throws {
        let error = try #require(throws: PipelineError.self) { try StatisticsTable.read(Array("a;b\n1;2\n".utf8), file: "t.csv") }
        #expect(error.description == "t.csv: no 'aar' column (columns: a, b)")
    }

    @Test("every function says which columns of each of its inputs it reads as numbers")
    func declared() {
        for function in BydelsfaktaFunction.all {
            #expect(Set(function.numbers.keys) == Set(function.inputs), "\(function.name)")
        }
    }

    @Test("the migration inputs in their published shape read for befolkningsutvkl_forv_utvkl (age groups as text, an extra column)")
    func publishedMigration() throws {
        let function = try #require(BydelsfaktaFunction.named(arn: "befolkningsutvkl-forv-utvkl"))
        let text = "aar;bydel_id;bydel_navn;aldersgruppe_5_aar;innflytting_til_oslo;innflytting_innenfor_bydelen;innflytting_mellom_bydeler\n"
            + "2019;01;Bydel Gamle Oslo;Under 10 år;5;3;2\n2019;01;Bydel Gamle Oslo;10 - 14 år;1;;4\n2019;01;Bydel Gamle Oslo;90 år og eldre;0;1;1\n"
        let rows = try StatisticsTable.read(Array(text.utf8), file: "t.csv", columns: function.columns(of: "flytting-til-etter-alder"))
        #expect(rows.map { $0["innflytting_til_oslo"] + $0["innflytting_mellom_bydeler"] } == [7, 5, 1])
        #expect(rows.allSatisfy { !$0.has("innflytting_innenfor_bydelen") && !$0.has("aldersgruppe_5_aar") })
        // The same file read with every column a number fails, naming the text.
        let error = try #require(throws: ParseError.self) {
            try StatisticsTable.read(Array(text.utf8), file: "t.csv", columns: StatisticsColumns(keys: ["kjonn", "alder"]))
        }
        #expect(error.summary == "t.csv:2:26: error: csv: column 'aldersgruppe_5_aar' is 'Under 10 år', expected a number")
    }
}
