import Foundation
import ReportKit

/// The `notebook` report kind: publishes a notebook that ran elsewhere (papermill in a
/// pipeline, say). The entry names it with `notebook: PATH`; the report stores the notebook
/// as `report.ipynb` and renders it, outputs and all, to `report.html`.
///
/// ```yaml
/// - name: Weekly enrolment
///   kind: notebook
///   notebook: notebooks/enrolment.ipynb
/// ```
public struct NotebookReport: Report {
    /// The kind's name in a reports file.
    public static let kind = "notebook"

    /// Reads the notebook's bytes from the path the entry gives (relative to the reports file).
    let read: @Sendable (String) async throws -> [UInt8]

    public init(read: @escaping @Sendable (String) async throws -> [UInt8]) {
        self.read = read
    }

    public func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        guard case .custom(let options) = entry.options, let path = options["notebook"]?.stringValue, !path.isEmpty else {
            throw NotebookError("\(entry.name): a notebook report needs 'notebook: PATH'")
        }
        let bytes = try await read(path)
        do { return try Self.result(notebook: bytes, title: entry.name, day: context.day) } catch let error as NotebookError {
            throw NotebookError("\(path): \(error.message)")
        }
    }

    /// The report of the notebook `bytes`: `report.html` and `report.ipynb`, status `warn`
    /// when an output is an error, and its counts of cells and errors as headline numbers.
    public static func result(notebook bytes: [UInt8], title: String, day: CalendarDay) throws -> ReportResult {
        let notebook = try Notebook(bytes: bytes)
        let page = try NotebookPage.document(notebook, title: title, day: day, download: ReportPages.notebook).renderBytes()
        let errors = notebook.cells.flatMap(\.outputs).filter { if case .error = $0 { return true } else { return false } }.count
        return ReportResult(
            files: [
                ReportFile(path: ReportPages.page, contentType: .html, bytes: page),
                ReportFile(path: ReportPages.notebook, contentType: .notebook, bytes: bytes),
            ],
            status: errors > 0 ? .warn : .ok,
            headline: [Headline(name: "cells", value: Double(notebook.cells.count)), Headline(name: "errors", value: Double(errors))])
    }
}
