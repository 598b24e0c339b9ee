import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport

/// What a scan handed its callbacks.
struct ScannedTable {
    var columns: [SourceColumn] = []
    var columnCalls = 0
    var rows: [[String?]] = []
    var numbers: [Int] = []
    var lines: [Int?] = []

    static func of(_ source: some TableSource) async throws -> ScannedTable {
        var scanned = ScannedTable()
        try await source.scan(
            columns: { scanned.columns = $0; scanned.columnCalls += 1 },
            row: { row in
                scanned.rows.append((0..<row.count).map { row.text($0) })
                scanned.numbers.append(row.number)
                scanned.lines.append(row.line)
            })
        return scanned
    }
}

enum ClinicDatabase {
    static var path: String { FixturePaths.fixture("quality/clinic.db").path }

    /// A query against the fixture database.
    static func query(_ sql: String, timeout: Duration? = nil) -> SQLiteTable {
        SQLiteTable(path: path, selection: .query(sql), timeout: timeout)
    }

    /// A copy of the fixture database in `scratch`, for tests that try to change it.
    static func copy(in scratch: ScratchDirectory) throws -> String {
        let copy = scratch.url.appendingPathComponent("clinic.db").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        return copy
    }
}

/// The SQLite error `body` throws; `nil` (and the test fails on it) when it throws none.
func sqliteError(_ body: () async throws -> Void) async -> SQLiteError? {
    do {
        try await body()
        return nil
    } catch let error as SQLiteError {
        return error
    } catch {
        return nil
    }
}
