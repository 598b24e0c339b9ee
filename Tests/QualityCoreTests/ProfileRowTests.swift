import QualityCore
import ReportKit
import Testing

/// `TableProfiler.add(row:)` (what `ProfileJob` calls) against a cell at a time: the same
/// profile, the same first error, missing and empty cells and short rows alike.
@Suite struct ProfileRowTests {
    static let columns = [
        ColumnDeclaration(name: "id", type: .integer), ColumnDeclaration(name: "name"), ColumnDeclaration(name: "amount"),
    ]

    static func rows(_ count: Int) -> [[String?]] {
        (0..<count).map { (index: Int) -> [String?] in
            let id: String? = String(index % 5_000)
            let name: String? = index % 7 == 0 ? nil : "name \(index % 11) with a long tail"
            let amount: String? = index % 3 == 0 ? "" : String(Double(index) / 8)
            return [id, name, amount]
        }
    }

    /// Feeds `rows` one way or the other; returns the profile or the first error.
    static func profile(_ rows: [[String?]], byRow: Bool, limits: ProfileLimits = .exact) -> Result<TableProfile, ProfileError> {
        var profiler = TableProfiler(columns: columns, limits: limits)
        do throws(ProfileError) {
            for row in rows {
                if byRow {
                    try withRow(row) { view throws(ProfileError) in try profiler.add(row: view) }
                } else {
                    for (index, cell) in row.enumerated() { if let cell { try profiler.add(cell, column: index) } }
                    profiler.endRow()
                }
            }
        } catch {
            return .failure(error)
        }
        return .success(profiler.finish())
    }

    /// `cells` as a row view.
    static func withRow(_ cells: [String?], _ body: (TableRowView) throws(ProfileError) -> Void) throws(ProfileError) {
        let bytes = cells.map { $0.map { Array($0.utf8) } }
        var failure: ProfileError?
        var buffers: [UnsafeRawBufferPointer?] = []
        func nest(_ index: Int) {
            guard index < bytes.count else {
                buffers.withUnsafeBufferPointer { view in
                    do throws(ProfileError) { try body(TableRowView(number: 1, line: nil, cells: view)) } catch { failure = error }
                }
                return
            }
            guard let cell = bytes[index] else {
                buffers.append(nil)
                nest(index + 1)
                return
            }
            cell.withUnsafeBytes { raw in
                buffers.append(raw)
                nest(index + 1)
            }
        }
        nest(0)
        if let failure { throw failure }
    }

    @Test func aRowAtATimeGivesTheProfileOfACellAtATime() throws {
        let rows = Self.rows(12_000)
        let byRow = try Self.profile(rows, byRow: true).get()
        #expect(byRow == (try Self.profile(rows, byRow: false).get()))
        #expect(byRow.rowCount == 12_000)
        let sketching = ProfileLimits(exactDistinctPerColumn: 1_000)
        #expect((try Self.profile(rows, byRow: true, limits: sketching).get()) == (try Self.profile(rows, byRow: false, limits: sketching).get()))
    }

    @Test func aRowAtATimeFailsAtTheSameCell() {
        var rows = Self.rows(50)
        rows[31][0] = "3.5"
        rows[40][0] = "x"
        let byRow = Self.profile(rows, byRow: true)
        guard case .failure(let error) = byRow else {
            Issue.record("a text id passed: \(byRow)")
            return
        }
        #expect(error.row == 32 && error.value == "3.5" && error.column == "id")
        guard case .failure(let cellError) = Self.profile(rows, byRow: false) else { return }
        #expect(error == cellError)
    }
}
