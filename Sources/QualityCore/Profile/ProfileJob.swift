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
/// Two cores (later): for a large delimited file, cut it with ``CSVBoundaries`` into one piece
/// per core, profile each piece with its own `TableProfiler` (`firstRow:` its first row's
/// number), and ``TableProfiler/merge(_:)`` them in file order; exact figures are the same.
public enum ProfileJob {
    public static func run(
        _ source: some TableSource, declared: [String: ColumnType] = [:], limits: ProfileLimits = .default
    ) async throws -> TableProfile {
        var profiler = TableProfiler(columns: [], limits: limits)
        try await source.scan(
            columns: { columns in
                let names = columns.map(\.name)
                if let unknown = declared.keys.sorted().first(where: { !names.contains($0) }) {
                    throw ProfileInputError(
                        "a type is declared for column '\(unknown)', which \(source.displayName) does not have (its columns: \(names.joined(separator: ", ")))")
                }
                profiler = TableProfiler(columns: names.map { ColumnDeclaration(name: $0, type: declared[$0]) }, limits: limits)
            },
            row: { row in
                do throws(ProfileError) {
                    for index in 0..<row.count {
                        if let cell = row[index] { try profiler.add(cell, column: index) }
                    }
                } catch {
                    let place = row.line.map { "\(source.displayName):\($0)" } ?? "\(source.displayName), row \(row.number)"
                    throw ProfileInputError("\(place): \(error)")
                }
                profiler.endRow()
            })
        return profiler.finish()
    }
}
