import ReportKit

/// The store-level list of runs, `runs.json` at the store's root: written last in a run, read
/// by the viewer (so the store never needs a public listing) and by ``RunHistory``.
///
/// Its JSON (sorted keys), newest run first:
///
/// ```json
/// {"runs": [{"date": "2024-03-15", "manifest": "20240315-reports/index.json",
///            "reports": [{"name": "Table Summary", "folder": "Table_Summary",
///                         "kind": "table-summary", "status": "ok"}],
///            "failed": 0, "warned": 0}]}
/// ```
public struct RunsIndex: Sendable, Hashable {
    /// Newest first, one per day.
    public var runs: [Entry]

    public init(runs: [Entry]) {
        self.runs = runs
    }

    /// The key of the runs index in a store.
    public static let key: ObjectKey = "runs.json"

    /// One run, as the index lists it.
    public struct Entry: Sendable, Hashable {
        public var day: CalendarDay
        /// The run's manifest: `{YYYYMMDD}-reports/index.json`.
        public var manifest: ObjectKey
        public var reports: [Report]

        public init(day: CalendarDay, manifest: ObjectKey, reports: [Report]) {
            self.day = day
            self.manifest = manifest
            self.reports = reports
        }

        public var failed: Int { reports.count { $0.status == .failed } }
        public var warned: Int { reports.count { $0.status == .warn } }
    }

    /// One report of a run, as the index lists it.
    public struct Report: Sendable, Hashable {
        public var name: String
        public var folder: ReportFolder
        public var kind: ReportKind
        public var status: ReportStatus

        public init(name: String, folder: ReportFolder, kind: ReportKind, status: ReportStatus) {
            self.name = name
            self.folder = folder
            self.kind = kind
            self.status = status
        }
    }
}
