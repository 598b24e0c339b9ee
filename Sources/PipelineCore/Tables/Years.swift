import ReportKit

/// Which years a function reports on.
public enum Years {
    /// The rows of the years every table has (the original's `historic`).
    public static func historic(_ tables: [[StatisticsRow]]) -> [[StatisticsRow]] {
        let shared = sharedYears(tables)
        return tables.map { $0.filter { shared.contains($0.date) } }
    }

    /// The rows of the latest year every table has (the original's `status`).
    public static func status(_ tables: [[StatisticsRow]]) throws(PipelineError) -> [[StatisticsRow]] {
        guard let latest = sharedYears(tables).max() else { throw PipelineError.badInput("the input tables have no year in common") }
        return tables.map { $0.filter { $0.date == latest } }
    }

    /// The rows of the latest year every table has, or `nil` when they share none: for a status
    /// computed from that year alone (the function checks it gives what the whole would).
    static func latestShared(_ tables: [[StatisticsRow]]) -> [[StatisticsRow]]? {
        guard let latest = sharedYears(tables).max() else { return nil }
        return tables.map { $0.filter { $0.date == latest } }
    }

    private static func sharedYears(_ tables: [[StatisticsRow]]) -> Set<Int> {
        guard var shared = tables.first.map({ Set($0.map(\.date)) }) else { return [] }
        for table in tables.dropFirst() { shared.formIntersection(table.map { $0.date }) }
        return shared
    }
}
