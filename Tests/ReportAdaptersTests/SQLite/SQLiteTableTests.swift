import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("SQLite table source")
struct SQLiteTableTests {
    @Test func readsATableThroughThePort() async throws {
        let table = SQLiteTable(path: ClinicDatabase.path, selection: .table("participant"))
        let scanned = try await ScannedTable.of(table)
        #expect(scanned.columnCalls == 1)
        #expect(scanned.columns.map(\.name) == ["participant_id", "sex", "age_at_enrollment", "ethnicity", "enrolled_on", "consent_code"])
        #expect(scanned.columns.map(\.declaredType) == ["TEXT", "TEXT", "INTEGER", "TEXT", "DATE", "TEXT"])
        #expect(scanned.rows.count == 30)
        #expect(scanned.numbers == Array(1...30))
        #expect(scanned.lines.allSatisfy { $0 == nil })
        #expect(scanned.rows.allSatisfy { $0.count == 6 })
        let eleventh = try #require(scanned.rows.first { $0[0] == "PT_0011" })
        #expect(eleventh[2] == nil)  // NULL age
        #expect(scanned.rows.contains { $0[3] == "N/A" })  // the text N/A stays a value
        #expect(scanned.rows.contains { $0[3] == nil })
        #expect(table.displayName == "sqlite://\(ClinicDatabase.path)?table=participant")
    }

    @Test func aTableNameFoldsASCIICaseAsSQLiteDoes() async throws {
        let scanned = try await ScannedTable.of(SQLiteTable(path: ClinicDatabase.path, selection: .table("VISITS")))
        #expect(scanned.rows.count == 36)
        #expect(scanned.columns.map(\.declaredType) == ["INTEGER", "TEXT", "TIMESTAMP", "TEXT"])
        #expect(scanned.rows.contains { $0[3] == "Tromsø" })
    }

    @Test(arguments: ["participant", "biospecimen"])
    func theFixtureTablesEqualTheirCSVFiles(table: String) async throws {
        let scanned = try await ScannedTable.of(SQLiteTable(path: ClinicDatabase.path, selection: .table(table)))
        let csv = try CSVScanner.records(Array(try FixturePaths.data("quality/data/\(table).csv")))
        #expect(csv.first == scanned.columns.map(\.name))
        let visible = scanned.columns.firstIndex { $0.name == "visible" }
        let asCSV = scanned.rows.map { row in
            row.enumerated().map { index, cell -> String in
                guard let cell else { return "" }
                guard index == visible else { return cell }
                return cell == "1" ? "True" : "False"  // SQLite's 0/1 booleans, pandas' spelling in the CSV
            }
        }
        #expect(Array(csv.dropFirst()) == asCSV)
    }

    @Test func queryCellsAreTheValuesText() async throws {
        let sql = "select 42 as i, -7 as m, 0.1 + 0.2 as r, 250.0 as w, 1e20 as big, 9e999 as inf, 'Tromsø' as t, '' as e, null as n, x'00ff10' as b"
        let scanned = try await ScannedTable.of(ClinicDatabase.query(sql))
        #expect(scanned.columns.map(\.name) == ["i", "m", "r", "w", "big", "inf", "t", "e", "n", "b"])
        #expect(scanned.columns.allSatisfy { $0.declaredType == nil })
        #expect(scanned.rows == [["42", "-7", "0.30000000000000004", "250.0", "1e+20", "inf", "Tromsø", "", nil, "00ff10"]])
    }

    @Test func realsReadBackAsTheSameDoubles() async throws {
        let scanned = try await ScannedTable.of(ClinicDatabase.query("select volume_ul, volume_ul * 1.1 from biospecimen where volume_ul is not null"))
        #expect(scanned.rows.count == 36)
        for row in scanned.rows {
            let text = try #require(row[1])
            #expect(Double(text)?.description == text)
        }
    }

    @Test func aQueryOnColumnsKeepsTheirDeclaredTypes() async throws {
        let scanned = try await ScannedTable.of(ClinicDatabase.query("select volume_ul, visible, count(*) as n from biospecimen group by 1, 2 limit 3"))
        #expect(scanned.columns.map(\.declaredType) == ["REAL", "BOOLEAN", nil])
        #expect(scanned.rows.allSatisfy { ["0", "1"].contains($0[1]) })
        #expect(scanned.rows.first?[0] == nil)  // NULL sorts first in a group by
    }

    @Test func aQueryWithNoRowsStillGivesItsColumns() async throws {
        let scanned = try await ScannedTable.of(ClinicDatabase.query("select * from visits where 0"))
        #expect(scanned.columnCalls == 1)
        #expect(scanned.columns.count == 4)
        #expect(scanned.rows.isEmpty)
    }

    @Test func describingPragmasAreAllowed() async throws {
        let scanned = try await ScannedTable.of(ClinicDatabase.query("pragma table_info(visits)"))
        #expect(scanned.rows.map { $0[1] } == ["visit_id", "participant_id", "visited_at", "site"])
    }

    @Test func anErrorThrownByTheRowCallbackComesThroughUnchanged() async throws {
        struct Stop: Error {}
        var rows = 0
        await #expect(throws: Stop.self) {
            try await ClinicDatabase.query("select * from visits").scan(columns: { _ in }, row: { _ in
                rows += 1
                throw Stop()
            })
        }
        #expect(rows == 1)
    }

    @Test func tableNamesListsTablesOnly() throws {
        let database = try SQLiteDatabase(readingAt: ClinicDatabase.path)
        #expect(try database.tableNames() == ["biospecimen", "participant", "visits"])
    }

    @Test func theDatabaseHoldsTheRowsItsScriptInserts() async throws {
        let script = try FixturePaths.text("quality/clinic.sql")
        for table in ["participant", "biospecimen", "visits"] {
            let inserts = script.split(separator: "\n").filter { $0.hasPrefix("INSERT INTO \(table) (") }.count
            let scanned = try await ScannedTable.of(ClinicDatabase.query("select count(*) from \(table)"))
            #expect(scanned.rows == [["\(inserts)"]], "\(table)")
            #expect(inserts > 20)
        }
    }

    @Test func aPathWithURICharactersIsReadAsAName() async throws {
        let scratch = try ScratchDirectory()
        let odd = scratch.url.appendingPathComponent("clinic?mode=rwc#1%20ø.db").path
        try FileManager.default.copyItem(atPath: ClinicDatabase.path, toPath: odd)
        let scanned = try await ScannedTable.of(SQLiteTable(path: odd, selection: .table("visits")))
        #expect(scanned.rows.count == 36)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["clinic?mode=rwc#1%20ø.db"])
    }
}
