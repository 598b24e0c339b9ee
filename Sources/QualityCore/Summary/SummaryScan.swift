import ReportKit

/// One table's pass for the table summary: the profile of every column but the ignored ones,
/// with exact value counts where the profile kept them.
///
/// A declared type applies to its column when the table has it; a type declared for a column
/// the table does not have is no error here (a daily table may lose a column, which the
/// change report then shows as removed): ``absentDeclarations(_:)`` lists them, and
/// `profile.json` records them as `declared_absent`.
///
/// Memory: the profile keeps each column's distinct values exactly up to ``ProfileLimits``
/// (10M distinct values per column, 768 MiB for the table by default), and then every figure
/// and every value count is exact from this one pass. A column past the limits is sketched;
/// then a second pass (``recount(_:profile:)``) counts its frequent values (the Misra–Gries
/// candidates, every value more frequent than the bound among them) exactly, and its
/// value-count file lists those values only: `profile.json` says so
/// (`value_counts_exact: false`, `value_counts_bound.unlisted_at_most`) and `summary.csv`
/// marks its estimates with `~`.
public struct SummaryScan: Sendable {
    /// Declared types by column name.
    public var declared: [String: ColumnType]
    /// Columns left out (exact names).
    public var ignored: Set<String>
    public var limits: ProfileLimits

    public init(declared: [String: ColumnType] = [:], ignored: Set<String> = [], limits: ProfileLimits = .default) {
        self.declared = declared
        self.ignored = ignored
        self.limits = limits
    }

    /// The profile of `source`'s columns, ignored ones left out, in source order.
    public func profile(_ source: some TableSource) async throws -> TableProfile {
        var profiler = TableProfiler(columns: [], limits: limits)
        let expectedRows = await BudgetProjection.expectedRows(of: source, limits: limits)
        var kept: [Int] = []
        try await source.scan(
            columns: { columns in
                let names = columns.map(\.name)
                kept = names.indices.filter { !ignored.contains(names[$0]) }
                profiler = TableProfiler(
                    columns: kept.map { ColumnDeclaration(name: names[$0], type: declared[names[$0]] ?? columns[$0].profileType) }, limits: limits,
                    expectedRows: expectedRows)
            },
            row: { row in
                do throws(ProfileError) {
                    for (column, index) in kept.enumerated() {
                        if let cell = row[index] { try profiler.add(cell, column: column) }
                    }
                } catch {
                    let place = row.line.map { "\(source.displayName):\($0)" } ?? "\(source.displayName), row \(row.number)"
                    throw ProfileInputError("\(place): \(error)")
                }
                profiler.endRow()
            })
        profiler.prepareToFinish()  // keyed columns sorted in place, not copied
        return profiler.finish()
    }

    /// The declared columns that neither `profile` has nor the summary ignores, sorted.
    public func absentDeclarations(_ profile: TableProfile) -> [String] {
        let names = Set(profile.columns.map(\.name))
        return declared.keys.filter { !names.contains($0) && !ignored.contains($0) }.sorted()
    }

    /// `profile` with its sketched columns' frequent values counted exactly, from a second
    /// read of the same table; `profile` itself when no column was sketched (nothing is read).
    public func recount(_ source: some TableSource, profile: TableProfile) async throws -> TableProfile {
        var recount = ValueRecount(for: profile)
        guard recount.isNeeded else { return profile }
        var kept: [Int] = []
        try await source.scan(
            columns: { columns in
                kept = columns.indices.filter { !ignored.contains(columns[$0].name) }
                guard kept.map({ columns[$0].name }) == profile.columns.map(\.name) else {
                    throw ProfileInputError("\(source.displayName) changed its columns between the profile and the recount")
                }
            },
            row: { row in
                for (column, index) in kept.enumerated() {
                    if let cell = row[index] { recount.add(cell, column: column) }
                }
            })
        return recount.apply(to: profile)
    }
}
