import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// ``ProfileJob`` on several threads (``ProfileParts``) gives the profile and the errors of one.
@Suite struct ProfilePartsTests {
    /// Quoted fields holding delimiters and line breaks (so cuts land inside them), doubled
    /// quotes, blank lines, missing values, numbers, dates and Unicode; lines end in `ending`.
    static func text(rows: Int, ending: String = "\n", bom: Bool = false) -> String {
        var text = (bom ? "\u{FEFF}" : "") + "id,name,amount,day,note" + ending
        let names = ["\"Ås, Øyvind\"", "\"two\r\nlines, \"\"quoted\"\"\"", "plain", "", "\"\"", "李四", "\"a\nb\nc\""]
        for index in 0..<rows {
            let amount = index % 9 == 0 ? "" : String(Double(index * 37 % 1000) / 8 - 40)
            let day = "2026-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))"
            text += "\(index),\(names[index % names.count]),\(amount),\(day),\"n \(index % 13)\"" + ending
            if index % 17 == 3 { text += ending }
        }
        return text
    }

    static func source(_ text: String, chunk: Int = DelimitedTableSource.defaultChunkSize) -> DelimitedTableSource {
        DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data(text.utf8)]), key: "t.csv", displayName: "data/t.csv", chunkSize: chunk)
    }

    static let declared: [String: ColumnType] = ["id": .integer, "amount": .number, "day": .date]

    @Test("1 part and 2, 3, 7 parts give the same exact profile: LF, CRLF, a byte order mark, types declared or not",
          arguments: ["\n", "\r\n"], [false, true])
    func sameProfile(ending: String, bom: Bool) async throws {
        for chunk in [13, DelimitedTableSource.defaultChunkSize] {
            let source = Self.source(Self.text(rows: 300, ending: ending, bom: bom), chunk: chunk)
            for declared in [[:], Self.declared] {
                let one = try await ProfileJob.run(source, declared: declared, limits: .exact)
                #expect(one.rowCount == 300)
                for count in [2, 3, 7] {
                    let cut = try #require(try await source.parts(count, minimumBytes: 0))
                    #expect(cut.parts.count == count, "the file is cut in \(count)")
                    let parts = try await ProfileJob.run(source, declared: declared, limits: .exact, parts: .always(count))
                    #expect(parts == one, "\(count) parts, chunk \(chunk)")
                }
            }
        }
    }

    @Test("the pandas fixtures in parts give their profiles", arguments: ProfileFixture.names)
    func fixtures(table: String) async throws {
        let fixture = try ProfileFixture.load(table)
        let source = DelimitedTableSource(store: try ProfileJobTests.fixtureStore(table), key: try ObjectKey("\(table).csv"))
        for count in [2, 3, 7] {
            let profile = try await ProfileJob.run(source, declared: fixture.declared, parts: .always(count))
            #expect(profile == (try fixture.profile(declared: true)), "\(table) in \(count) parts")
        }
    }

    @Test("a header alone, fewer rows than parts, and a file below the size to cut")
    func smallTables() async throws {
        for text in ["id,name\n", "id,name\r\n1,a\r\n", "\u{FEFF}id,name\n1,\"x\ny\"\n2,b\n", "id,name"] {
            let source = Self.source(text)
            let one = try await ProfileJob.run(source, limits: .exact)
            for count in [2, 3, 7] {
                #expect(try await ProfileJob.run(source, limits: .exact, parts: .always(count)) == one, "\(text.debugDescription) in \(count)")
            }
        }
        let small = Self.source(Self.text(rows: 50))
        #expect(try await small.parts(2, minimumBytes: ProfileParts.cores(2).minimumBytes) == nil, "50 rows are not cut for two cores")
        #expect(ProfileParts.cores(1).count == 1)
    }

    @Test("a bad value or a bad record in a later part names the line, row and column one part names")
    func sameErrors() async throws {
        let good = Self.text(rows: 200)
        for bad in ["x200,x,1.5,2026-01-01,n", "200,x,many,2026-01-01,n", "200,x,1.5,2026-01-01", "200,\"x\"y,1,2026-01-01,n"] {
            let source = Self.source(good + bad + "\n201,y,2,2026-01-02,n\n")
            let expected = await #expect(throws: (any Error).self) { _ = try await ProfileJob.run(source, declared: Self.declared) }
            let text = try #require(expected.map { "\($0)" })
            for count in [2, 3, 7] {
                let got = await #expect(throws: (any Error).self) {
                    _ = try await ProfileJob.run(source, declared: Self.declared, parts: .always(count))
                }
                #expect(got.map { "\($0)" } == text, "\(count) parts")
                #expect(type(of: got!) == type(of: expected!))
            }
        }
        let value = await #expect(throws: ProfileInputError.self) {
            _ = try await ProfileJob.run(Self.source(good + "200,x,many,2026-01-01,n\n"), declared: Self.declared, parts: .always(3))
        }
        #expect(value?.message.hasPrefix("data/t.csv:\(good.utf8.filter { $0 == 0x0A }.count + 1): row 201, column 'amount'") == true,
                "\(value?.message ?? "")")
    }

    @Test("sketch mode in parts: the bounds hold and HyperLogLog merges to the one-part estimate")
    func sketches() async throws {
        let table = SketchModeTests.table
        var text = SketchModeTests.columns.map(\.name).joined(separator: ",") + "\n"
        for row in table.rows { text += row.joined(separator: ",") + "\n" }
        let source = Self.source(text)
        let one = try await ProfileJob.run(source, limits: SketchModeTests.limits)
        #expect(one.columns.contains { !$0.distinct.isExact })
        for count in [2, 3, 7] {
            let profile = try await ProfileJob.run(source, limits: SketchModeTests.limits, parts: .always(count))
            SketchModeTests.check(profile, against: SketchModeTests.exact)
            try SketchModeTests().checkQuartiles(try #require(profile.columns.first { $0.name == "x" }), sorted: table.x)
            #expect(profile == one, "\(count) threads: the one-thread sketches, figure for figure")
        }
    }

    @Test("any exact budget: the columns split between threads give the one-thread profile figure for figure, sketched or not")
    func budgetSplit() async throws {
        // 20,000 rows: three batches, so budget checks fall inside and between them.
        let source = Self.source(Self.text(rows: 20_000))
        var sketched = 0, exact = 0
        for budget in stride(from: 56, through: 92, by: 3).map({ Int(pow(2, Double($0) / 4)) }) {
            let limits = ProfileLimits(exactBytes: budget)
            let one = try await ProfileJob.run(source, limits: limits)
            for count in [2, 3] {
                let split = try await ProfileJob.run(source, limits: limits, parts: .always(count))
                if split != one {
                    let differing = zip(split.columns, one.columns).filter { $0 != $1 }.map { pair in
                        "\(pair.0.name): distinct \(pair.0.distinct) vs \(pair.1.distinct), p50 \(String(describing: pair.0.p50)) vs \(String(describing: pair.1.p50)), counts \(pair.0.valueCounts.entries.count) vs \(pair.1.valueCounts.entries.count)"
                    }
                    Issue.record("budget \(budget), \(count) threads: \(differing.joined(separator: "; "))")
                }
            }
            if one.columns.allSatisfy(\.distinct.isExact) { exact += 1 } else { sketched += 1 }
        }
        #expect(sketched > 2 && exact > 2, "the budgets sketch some columns and keep others exact: \(sketched) sketched, \(exact) exact")
    }

    @Test("a bad value and a bad record in later batches: the first in the table is the error, as with one thread",
          arguments: [(9_000, 15_000), (15_000, 9_000), (9_000, 9_003), (9_003, 9_000), (30_000, 30_000)])
    func laterBatchErrors(badValue: Int, badRecord: Int) async throws {
        var text = "id,name,amount,day,note\n"
        for index in 0..<21_000 {
            switch index {
            case badValue: text += "\(index),x,many,2026-01-01,n\n"
            case badRecord: text += "\(index),\"x\"y,1,2026-01-01,n\n"
            default: text += "\(index),\"n, \(index % 50)\",\(index % 9 == 0 ? "" : String(Double(index) / 8)),2026-01-\(index % 20 + 10),\"\(index)\"\n"
            }
            if index % 17 == 3 { text += "\n" }
        }
        let source = Self.source(text)
        let limits = ProfileLimits(exactBytes: 1 << 18)
        if badValue == 30_000 {
            let one = try await ProfileJob.run(source, declared: Self.declared, limits: limits)
            #expect(try await ProfileJob.run(source, declared: Self.declared, limits: limits, parts: .always(2)) == one)
            return
        }
        let expected = await #expect(throws: (any Error).self) { _ = try await ProfileJob.run(source, declared: Self.declared, limits: limits) }
        for count in [2, 3] {
            let got = await #expect(throws: (any Error).self) {
                _ = try await ProfileJob.run(source, declared: Self.declared, limits: limits, parts: .always(count))
            }
            #expect(got.map { "\($0)" } == expected.map { "\($0)" }, "\(count) threads")
            #expect(type(of: got!) == type(of: expected!))
        }
    }

    @Test("JSON Lines, a source that cannot be cut, is split by columns too")
    func jsonLinesSplit() async throws {
        var text = ""
        for index in 0..<12_000 {
            text += "{\"id\": \(index), \"name\": \"n\(index % 97)\", \"amount\": \(index % 7 == 0 ? "null" : String(Double(index) / 4))}\n"
        }
        let source = JSONLinesTableSource(store: InMemoryObjectStore(["t.jsonl": Data(text.utf8)]), key: "t.jsonl", chunkSize: 4096)
        let one = try await ProfileJob.run(source, limits: .exact)
        #expect(one.rowCount == 12_000)
        #expect(try await ProfileJob.run(source, limits: .exact, parts: .always(2)) == one)
    }

    @Test("a table 3,000 columns wide, mostly empty: batches of fewer rows, the one-thread profile")
    func wideTableSplit() async throws {
        let width = 3_000
        var text = (0..<width).map { "c\($0)" }.joined(separator: ",") + "\n"
        for row in 0..<400 {
            var cells = Array(repeating: "", count: width)
            cells[row % width] = String(row)
            cells[width - 1] = String(row % 7)
            text += cells.joined(separator: ",") + "\n"
        }
        let one = try await ProfileJob.run(Self.source(text), limits: .exact)
        #expect(one.columns.count == width && one.rowCount == 400)
        #expect(try await ProfileJob.run(Self.source(text), limits: .exact, parts: .always(2)) == one)
    }
}
