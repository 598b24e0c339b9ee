import ReportKit

/// The pages of a report: what the run calls after each report, to store beside its files.
public enum ReportPages {
    /// The page's name in the report's folder.
    public static let page: ObjectKey = "report.html"
    /// The notebook's name in the report's folder.
    public static let notebook: ObjectKey = "report.ipynb"
    /// How many earlier runs' manifests the trend uses (with this run, 30).
    public static let historyRuns = TrendView.runs - 1

    /// `report.html` and `report.ipynb` for `report` (of the run of `day`) from its `files`
    /// and the store's earlier manifests (``historyRuns`` of them are used; the report's
    /// seconds and files' hashes are not shown, so the pages do not depend on when they are
    /// made, and can be made before the report's record is final); a file the report made itself under either name
    /// (the `notebook` kind's) is kept and not written again.
    ///
    /// - Throws: ``MarkupError`` only if a page could not be written (a bug: every string
    ///   from data is escaped).
    public static func files(for report: ManifestReport, day: CalendarDay, files: [ReportFile], history: [RunManifest]) throws(MarkupError) -> [ReportFile] {
        let own = files.filter { $0.path != page && $0.path != notebook }
        let view = ReportView(report: report, day: day, files: own, history: history)
        var made: [ReportFile] = []
        if !files.contains(where: { $0.path == page }) {
            made.append(ReportFile(path: page, contentType: .html, bytes: try ReportPage.render(view)))
        }
        if !files.contains(where: { $0.path == notebook }) {
            made.append(ReportFile(path: notebook, contentType: .notebook, bytes: ReportNotebook.notebook(view).bytes))
        }
        return made
    }
}
