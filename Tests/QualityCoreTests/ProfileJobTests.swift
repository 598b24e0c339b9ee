import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// ``ProfileJob`` through real table sources, against the pandas fixtures.
@Suite struct ProfileJobTests {
    static func fixtureStore(_ name: String) throws -> InMemoryObjectStore {
        InMemoryObjectStore([try ObjectKey("\(name).csv"): Data(try FixturePaths.text("quality/profile/\(name).csv").utf8)])
    }

    @Test("the fixture read by DelimitedTableSource gives the parity tests' profile, at small and large chunks",
          arguments: ProfileFixture.names, [true, false])
    func sameAsTestReader(table: String, declared: Bool) async throws {
        let fixture = try ProfileFixture.load(table)
        let store = try Self.fixtureStore(table)
        let types = declared ? fixture.declared : [:]
        for chunk in [7, 4096, DelimitedTableSource.defaultChunkSize] {
            let source = DelimitedTableSource(store: store, key: try ObjectKey("\(table).csv"), chunkSize: chunk)
            let profile = try await ProfileJob.run(source, declared: types)
            #expect(profile == (try fixture.profile(declared: declared)), "\(table) chunk \(chunk)")
            #expect(profile.rowCount == fixture.expected["row_count"]?.intValue)
        }
    }

    @Test("the same table as JSON Lines (strings, null for empty) gives the same profile", arguments: ProfileFixture.names)
    func jsonLinesSameProfile(table: String) async throws {
        let fixture = try ProfileFixture.load(table)
        var text = ""
        for row in fixture.rows {
            let members = zip(fixture.header, row).map { JSONObject.Member(key: $0, value: $1.isEmpty ? .null : .string($1)) }
            text += String(decoding: JSONWriter.compactInOrderData(.object(JSONObject(members))), as: UTF8.self) + "\n"
        }
        let store = InMemoryObjectStore(["t.jsonl": Data(text.utf8)])
        let profile = try await ProfileJob.run(JSONLinesTableSource(store: store, key: "t.jsonl", chunkSize: 1000), declared: fixture.declared)
        #expect(profile == (try fixture.profile(declared: true)))
    }

    @Test("exact limits keep every figure exact")
    func exact() async throws {
        let store = try Self.fixtureStore("events")
        let source = DelimitedTableSource(store: store, key: "events.csv")
        let sketched = try await ProfileJob.run(source, limits: ProfileLimits(exactDistinctPerColumn: 50))
        #expect(sketched.columns.contains { !$0.distinct.isExact })
        let exact = try await ProfileJob.run(source, limits: .exact)
        #expect(exact.columns.allSatisfy { $0.distinct.isExact })
    }

    @Test("a declared type for a column the table lacks names the column and the columns")
    func unknownColumn() async throws {
        let source = DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data("a,b\n1,2\n".utf8)]), key: "t.csv", displayName: "data/t.csv")
        let error = await #expect(throws: ProfileInputError.self) { _ = try await ProfileJob.run(source, declared: ["c": .integer]) }
        #expect(error?.message == "a type is declared for column 'c', which data/t.csv does not have (its columns: a, b)")
    }

    @Test("a value that is not its declared type names the file, the line and the column")
    func wrongType() async throws {
        let source = DelimitedTableSource(store: InMemoryObjectStore(["t.csv": Data("a,b\n1,\"x\ny\"\n2,3\nthree,4\n".utf8)]), key: "t.csv")
        let error = await #expect(throws: ProfileInputError.self) { _ = try await ProfileJob.run(source, declared: ["a": .integer]) }
        #expect(error?.message == "t.csv:5: row 3, column 'a': 'three' is not an integer (declared type)")
        #expect(error?.category == .badInput)
    }

    /// A database table: a text column of digits, a text column of dates, an integer column.
    static let databaseTable = InMemoryTableSource(
        displayName: "postgres://db/clinic?table=sites",
        columns: [
            SourceColumn(name: "postcode", declaredType: "character varying"),
            SourceColumn(name: "opened", declaredType: "TEXT"),
            SourceColumn(name: "code", declaredType: "VARCHAR(4)"),
            SourceColumn(name: "beds", declaredType: "integer"),
            SourceColumn(name: "seen", declaredType: nil),
        ],
        rows: [["0150", "2024-01-05", "12", "40", "7"], ["5003", "2024-02-01", "13", "12", "8"], [nil, "2024-03-09", "14", nil, nil]])

    @Test("a column its database declares as text is profiled as text, whatever its values look like; other columns by their values")
    func databaseTextColumns() async throws {
        for profile in [try await ProfileJob.run(Self.databaseTable), try await SummaryScan().profile(Self.databaseTable)] {
            #expect(profile.columns.map(\.type) == [.text, .text, .text, .integer, .integer])
            #expect(profile.columns[0].top?.value == .text("0150"))
            #expect(profile.columns[0].mean == nil && profile.columns[0].lengths?.max == 4)
        }
        let typed = try await ProfileJob.run(Self.databaseTable, declared: ["postcode": .integer])
        #expect(typed.columns[0].type == .integer, "a type given by the user wins")
    }
}
