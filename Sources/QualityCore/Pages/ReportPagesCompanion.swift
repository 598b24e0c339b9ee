import ReportKit

/// The pages as a companion of the daily run: every report, ok or failed, gets
/// `report.html` and `report.ipynb` beside its files (``ReportPages/files(for:day:files:history:)``).
///
///     var run = QualityRun(…)
///     run.companions = [ReportPagesCompanion()]
public struct ReportPagesCompanion: ReportCompanion {
    public init() {}

    public var historyRuns: Int { ReportPages.historyRuns }

    public func files(for report: ManifestReport, day: CalendarDay, files: [ReportFile], history: [RunManifest]) throws -> [ReportFile] {
        try ReportPages.files(for: report, day: day, files: files, history: history)
    }
}
