import ReportKit

/// The summaries of the most recent earlier run that has them, found through ``RunHistory``:
/// the manifests before the run's day, newest first, are searched (30 at a time, as far back
/// as the store goes) for one whose report in this folder did not fail and wrote at least one
/// `summaries/{table}/profile.json`. Not "the day before": a missed day, a failed run or a
/// run without this report is passed over.
///
/// Its tables are those with a `profile.json`, their columns those the profile lists, and
/// their value-count files the `summaries/{table}/{column}.csv` the manifest records (names
/// decoded by ``NameSegment/decode(_:)``).
public struct PreviousSummaries: Sendable, Hashable {
    /// The day of that run.
    public var day: CalendarDay
    /// Its tables, in the order its manifest lists their files.
    public var tables: [Table]

    public struct Table: Sendable, Hashable {
        public var name: String
        /// Every profiled column, in column order.
        public var columns: [String]
        /// The value-count file of each column that has one.
        public var valueCounts: [String: ObjectKey]
        /// Columns whose value counts were not complete (sketched).
        public var partial: Set<String>
    }

    /// How many manifests one request asks for.
    static let page = 30

    /// The summaries of the most recent run before `day` whose `folder` report has them;
    /// `nil` when there is none.
    public static func find(before day: CalendarDay, folder: ReportFolder, history: any RunHistory) async throws -> PreviousSummaries? {
        var cursor = day
        while true {
            let manifests = try await history.manifests(before: cursor, limit: page)
            for manifest in manifests where manifest.day < cursor {
                guard let report = manifest[folder], report.status != .failed else { continue }
                if let found = try await load(report, day: manifest.day, history: history) { return found }
            }
            guard manifests.count == page, let oldest = manifests.map(\.day).min(), oldest < cursor else { return nil }
            cursor = oldest
        }
    }

    /// The summaries `report` of the run of `day` recorded, or `nil` when it has none.
    static func load(_ report: ManifestReport, day: CalendarDay, history: any RunHistory) async throws -> PreviousSummaries? {
        var order: [String] = []
        var counts: [String: [String: ObjectKey]] = [:]
        for file in report.files {
            let segments = file.path.segments
            guard segments.count == 3, segments[0] == "summaries", let table = NameSegment.decode(segments[1]) else { continue }
            if segments[2] == "profile.json" {
                order.append(table)
            } else if segments[2].hasSuffix(".csv"), segments[2] != "summary.csv", let column = NameSegment.decode(segments[2].dropLast(4)) {
                counts[table, default: [:]][column] = file.path
            }
        }
        guard !order.isEmpty else { return nil }
        var tables: [Table] = []
        for name in order {
            let path = try TableSummary.folder(of: name).appending("profile.json")
            let place = "the \(day) run's \(report.folder)/\(path)"
            guard let bytes = try await history.file(path, folder: report.folder, day: day) else {
                throw ValueCountFileError("\(place) is in its manifest but not in the store")
            }
            let profile: JSONValue
            do {
                profile = try JSONReader.parse(String(decoding: bytes, as: UTF8.self))
            } catch {
                throw ValueCountFileError("\(place): \(error)")
            }
            let columns = profile["columns"]?.arrayValue ?? []
            tables.append(Table(
                name: name,
                columns: columns.compactMap { $0["name"]?.stringValue },
                valueCounts: counts[name] ?? [:],
                partial: Set(columns.filter { $0["value_counts_exact"] == .bool(false) }.compactMap { $0["name"]?.stringValue })))
        }
        return PreviousSummaries(day: day, tables: tables)
    }
}
