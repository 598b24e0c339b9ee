import ReportKit

/// Files made beside every report's own once it ran, ok or failed: its page and notebook
/// (`QualityCore/Pages`), anything an embedder wants next to each report. A companion file
/// never replaces one the report made.
///
///     struct Pages: ReportCompanion {
///         var historyRuns: Int { 30 }
///         func files(for report: ManifestReport, day: CalendarDay, files: [ReportFile], history: [RunManifest]) throws -> [ReportFile] {
///             try ReportPages.files(for: report, day: day, files: files, history: history)
///         }
///     }
///     var run = QualityRun(…); run.companions = [Pages()]
public protocol ReportCompanion: Sendable {
    /// How many earlier runs' manifests ``files(for:day:files:history:)`` is given, newest first.
    var historyRuns: Int { get }

    /// The files to store beside `files`, the report's own (relative to its folder);
    /// `report` is its manifest record so far (status, error, seconds, files, headline).
    func files(for report: ManifestReport, day: CalendarDay, files: [ReportFile], history: [RunManifest]) throws -> [ReportFile]
}
