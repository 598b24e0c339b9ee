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
/// Several cores: with `parts` above one, a source that can be cut
/// (``PartitionableTableSource``, a large CSV or TSV file) is read in parts at proven record
/// boundaries, each profiled at once on its own ``TableProfiler`` and merged in file order
/// (see ``ProfileParts``): the same profile and the same errors as one part.
public enum ProfileJob {
    public static func run(
        _ source: some TableSource, declared: [String: ColumnType] = [:], limits: ProfileLimits = .default,
        parts: ProfileParts = .one
    ) async throws -> TableProfile {
        if parts.count > 1, let cuttable = source as? any PartitionableTableSource,
           let table = try await cuttable.parts(parts.count, minimumBytes: parts.minimumBytes),
           let profile = try await run(table, name: source.displayName, declared: declared, limits: limits) {
            return profile
        }
        var profiler = TableProfiler(columns: [], limits: limits)
        try await source.scan(
            columns: { columns in
                profiler = TableProfiler(columns: try declarations(columns, declared: declared, name: source.displayName), limits: limits)
            },
            row: { row in
                do throws(ProfileError) {
                    try profiler.add(row: row)
                } catch {
                    throw valueError(error, line: row.line, row: row.number, name: source.displayName)
                }
            })
        return profiler.finish()
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
}
