import ReportKit

/// Profiles a table read through a ``TableSource``: its columns, with the types declared for
/// some of them, into a ``TableProfiler``, one row at a time; memory is the profiler's and
/// the source's, never the table's.
///
///     let profile = try await ProfileJob.run(source, declared: ["age": .integer], limits: .exact)
///
/// A missing cell and an empty one (a quoted `""`) are both missing in a profile, as pandas
/// reads them. Errors: a declared column the table lacks is a ``ProfileInputError`` naming
/// the column and the table's columns; a value that is not its declared type is one naming
/// the source, the line and the column; the source's own errors pass through.
///
/// Several cores: with `parts` above one, once the cells read pass a sixteenth of
/// ``ProfileParts/minimumBytes`` the columns are split between `parts.count` threads
/// (``ColumnSplit``): this one reads the table and adds some columns, the others add the
/// rest, batch by batch. The profile and the errors are those of one thread, figure for
/// figure, in exact and in sketch mode, from any source.
///
/// Memory: a source that can estimate its rows (``TableSource/estimatedRowCount()``: a file,
/// an object) lets the budget look ahead a sixteenth of the way in and sketch then the columns
/// that would pass it by the last row (``ProfileLimits/sketchesEarly``).
///
/// `valueCounts` says which value counts the profile lists (``ValueCountScope``): every
/// value by default, or only the most frequent, which skips sorting them all.
public enum ProfileJob {
    public static func run(
        _ source: some TableSource, declared: [String: ColumnType] = [:], limits: ProfileLimits = .default,
        parts: ProfileParts = .one, valueCounts: ValueCountScope = .all
    ) async throws -> TableProfile {
        var profiler = TableProfiler(columns: [], limits: limits)
        var split: ColumnSplit?
        defer { split?.close() }
        // The split as the row closure reads it, once a row, without a retain and a release
        // of it per row (`split` keeps it alive).
        var splitting: Unmanaged<ColumnSplit>?
        let splitAfter = parts.minimumBytes / 16
        var bytesRead = 0
        let name = source.displayName
        let expectedRows = await BudgetProjection.expectedRows(of: source, limits: limits)
        do {
            try await source.scan(
                columns: { columns in
                    profiler = TableProfiler(
                        columns: try declarations(columns, declared: declared, name: name), limits: limits, expectedRows: expectedRows)
                },
                row: { row in
                    if let splitting {
                        let failure = splitting._withUnsafeGuaranteedRef { split -> ColumnSplit.ValueError? in
                            do throws(ColumnSplit.ValueError) { try split.add(row) } catch { return error }
                            return nil
                        }
                        if let failure { throw valueError(failure, name: name) }
                        return
                    }
                    do throws(ProfileError) {
                        try profiler.add(row: row)
                    } catch {
                        throw valueError(error, line: row.line, row: row.number, name: name)
                    }
                    guard parts.count > 1, profiler.columns.count > 1 else { return }
                    for index in 0..<row.count { bytesRead += row[index]?.count ?? 0 }
                    if bytesRead >= splitAfter {
                        split = ColumnSplit(&profiler, workers: parts.count)
                        splitting = Unmanaged.passUnretained(split!)
                    }
                })
        } catch {
            if let split, let first = split.errorBefore() { throw valueError(first, name: name) }
            throw error
        }
        if let split {
            do throws(ColumnSplit.ValueError) { profiler = try split.finish() } catch { throw valueError(error, name: name) }
        }
        profiler.prepareToFinish(threads: parts.count)
        return profiler.finish(threads: parts.count, valueCounts: valueCounts)
    }

    /// The columns to profile, each with its declared type or else the one its source's
    /// declared type implies (``SourceColumn/profileType``); a declared type for a column the
    /// table lacks is an error.
    static func declarations(_ columns: [SourceColumn], declared: [String: ColumnType], name: String) throws -> [ColumnDeclaration] {
        let names = columns.map(\.name)
        if let unknown = declared.keys.sorted().first(where: { !names.contains($0) }) {
            throw ProfileInputError(
                "a type is declared for column '\(unknown)', which \(name) does not have (its columns: \(names.joined(separator: ", ")))")
        }
        return columns.map { ColumnDeclaration(name: $0.name, type: declared[$0.name] ?? $0.profileType) }
    }

    /// A value that is not its declared type, at `line` of `name` (or its `row` for a query).
    static func valueError(_ error: ProfileError, line: Int?, row: Int, name: String) -> ProfileInputError {
        let place = line.map { "\(name):\($0)" } ?? "\(name), row \(row)"
        return ProfileInputError("\(place): \(error)")
    }

    /// ``valueError(_:line:row:name:)`` of a ``ColumnSplit``'s.
    static func valueError(_ error: ColumnSplit.ValueError, name: String) -> ProfileInputError {
        valueError(error.error, line: error.line, row: error.number, name: name)
    }
}
