import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("SQLite source refusals")
struct SQLiteRefusalTests {
    static let writes = [
        "delete from participant",
        "insert into participant (participant_id) values ('PT_9999')",
        "update biospecimen set visible = 0",
        "pragma writable_schema = on",
        "pragma journal_mode = delete",
        "drop table visits",
        "create table extra (x)",
        "attach 'other.db' as other",
        "begin immediate",
        "vacuum",
        "with doomed as (select 1) delete from visits",
    ]

    @Test(arguments: writes)
    func aStatementThatWritesIsRefusedAndTheDatabaseUnchanged(sql: String) async throws {
        let scratch = try ScratchDirectory()
        let path = try ClinicDatabase.copy(in: scratch)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = await sqliteError {
            _ = try await ScannedTable.of(SQLiteTable(path: path, selection: .query(sql)))
        }
        #expect(error?.reason == .notReadOnly)
        #expect(error?.category == .badInput)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["clinic.db"])
    }

    @Test func theRefusalNamesTheFileAndTheQuery() async {
        let refused = await sqliteError { _ = try await ScannedTable.of(ClinicDatabase.query("delete from visits")) }
        #expect(refused?.description == "sqlite: \(ClinicDatabase.path): query \"delete from visits\": only read-only statements can be run, and this one writes")
    }

    @Test(arguments: [
        ("select 1; select 2", "select 2"),
        ("select 1; delete from visits", "delete from visits"),
        ("select 1;\n;\nselect 2 -- more", "select 2 -- more"),
        ("select 1; garbage", "garbage"),
    ])
    func onlyOneStatementRuns(sql: String, trailing: String) async throws {
        let scratch = try ScratchDirectory()
        let path = try ClinicDatabase.copy(in: scratch)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var rows = 0
        let error = await sqliteError {
            try await SQLiteTable(path: path, selection: .query(sql)).scan(columns: { _ in }, row: { _ in rows += 1 })
        }
        #expect(error?.reason == .moreThanOneStatement(trailing: trailing))
        #expect(rows == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(arguments: ["select 1;", "select 1; -- the end", "select 1 /* c */ ;  \n\n"])
    func aTrailingSemicolonOrCommentIsNotAStatement(sql: String) async throws {
        let scanned = try await ScannedTable.of(ClinicDatabase.query(sql))
        #expect(scanned.rows == [["1"]])
    }

    @Test func anEmptyQueryIsRefused() async {
        let error = await sqliteError { _ = try await ScannedTable.of(ClinicDatabase.query("  -- nothing here\n")) }
        #expect(error?.reason == .emptyQuery)
    }

    @Test func aSyntaxErrorCarriesSQLitesMessageAndCode() async {
        let error = await sqliteError { _ = try await ScannedTable.of(ClinicDatabase.query("select nope from visits")) }
        #expect(error?.reason == .sqlite(code: 1, extendedCode: 1, message: "no such column: nope"))
        #expect(error?.category == .badInput)
        #expect(error?.description == "sqlite: \(ClinicDatabase.path): query \"select nope from visits\": no such column: nope (SQLite error 1)")
    }

    @Test func aMissingTableListsTheTables() async {
        let error = await sqliteError { _ = try await ScannedTable.of(SQLiteTable(path: ClinicDatabase.path, selection: .table("visit"))) }
        #expect(error?.reason == .noSuchTable(tables: ["biospecimen", "participant", "visits"]))
        #expect(error?.category == .badInput)
        #expect(error?.description == "sqlite: \(ClinicDatabase.path): table \"visit\": no such table (tables: biospecimen, participant, visits)")
    }

    @Test func aTableNameIsQuotedNeverRunAsSQL() async {
        let error = await sqliteError {
            _ = try await ScannedTable.of(SQLiteTable(path: ClinicDatabase.path, selection: .table("visits\"; delete from visits; --")))
        }
        #expect(error?.reason == .noSuchTable(tables: ["biospecimen", "participant", "visits"]))
    }

    @Test func aLongQueryIsNamedByItsFirst80Characters() async {
        let sql = "select " + Array(repeating: "1", count: 60).joined(separator: ", ") + " from nowhere"
        let error = await sqliteError { _ = try await ScannedTable.of(ClinicDatabase.query(sql)) }
        let excerpt = String(sql.prefix(80)) + "…"
        #expect(error?.selection?.description == "query \"\(excerpt)\"")
        #expect(error?.description.contains("no such table: nowhere") == true)
    }

    @Test func aDirectoryIsRefusedBeforeOpening() async throws {
        let scratch = try ScratchDirectory()
        let error = await sqliteError { _ = try SQLiteDatabase(readingAt: scratch.url.path) }
        #expect(error?.reason == .notARegularFile(kind: "a directory"))
        #expect(error?.category == .badInput)
    }

    @Test func aFIFOIsRefusedBeforeOpening() async throws {
        let scratch = try ScratchDirectory()
        let fifo = scratch.url.appendingPathComponent("pipe.db").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading would block until a writer came: the refusal must not open it.
        let error = await sqliteError { _ = try await ScannedTable.of(SQLiteTable(path: fifo, selection: .table("visits"))) }
        #expect(error?.reason == .notARegularFile(kind: "a FIFO"))
        #expect(error?.description == "sqlite: \(fifo): not a regular file (a FIFO); refused before opening")
    }

    @Test func aMissingFileIsUnreadableInput() async {
        let error = await sqliteError { _ = try SQLiteDatabase(readingAt: "/nonexistent/clinic.db") }
        #expect(error?.reason == .unreadable("No such file or directory"))
        #expect(error?.category == .badInput)
    }

    @Test func aFileThatIsNotADatabaseIsBadInput() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("notes.db", String(repeating: "not a database at all\n", count: 100))
        let error = await sqliteError { _ = try await ScannedTable.of(SQLiteTable(path: path, selection: .table("visits"))) }
        #expect(error?.code == 26)  // SQLITE_NOTADB
        #expect(error?.category == .badInput)
        #expect(error?.description.hasPrefix("sqlite: \(path): table \"visits\": file is not a database") == true)
    }

    @Test func aLongQueryIsInterruptedAtItsTimeOut() async throws {
        let endless = "with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n"
        let clock = ContinuousClock()
        let start = clock.now
        let error = await sqliteError { _ = try await ScannedTable.of(ClinicDatabase.query(endless, timeout: .milliseconds(200))) }
        let elapsed = clock.now - start
        #expect(error?.reason == .timedOut(seconds: 0.2))
        #expect(error?.category == .outsideSystem)
        #expect(elapsed < .seconds(5))
        #expect(elapsed >= .milliseconds(200))
    }

    @Test func aCancelledScanIsInterrupted() async throws {
        let endless = "with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n"
        let task = Task { try await ScannedTable.of(ClinicDatabase.query(endless)) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test func errorCategoriesFollowSQLitesCodes() {
        let io = SQLiteError(file: "a.db", reason: .sqlite(code: 10, extendedCode: 266, message: "disk I/O error"))
        let busy = SQLiteError(file: "a.db", reason: .sqlite(code: 5, extendedCode: 5, message: "database is locked"))
        let corrupt = SQLiteError(file: "a.db", reason: .sqlite(code: 11, extendedCode: 11, message: "database disk image is malformed"))
        #expect(io.category == .outsideSystem)
        #expect(busy.category == .outsideSystem)
        #expect(corrupt.category == .badInput)
        #expect(io.description == "sqlite: a.db: disk I/O error (SQLite error 10, extended 266)")
    }
}
