import ReportKit

/// The port to the runs already in the store: their manifests, and the files they wrote. The
/// change report compares with the most recent earlier run that has its summaries; pages draw
/// each report's headline numbers over the previous runs.
public protocol RunHistory: Sendable {
    /// The manifests of the runs before `day`, newest first, at most `limit` of them.
    func manifests(before day: CalendarDay, limit: Int) async throws -> [RunManifest]

    /// The bytes of the file at `path` in the report folder `folder` of the run of `day`, or
    /// `nil` when that run has no such file.
    func file(_ path: ObjectKey, folder: ReportFolder, day: CalendarDay) async throws -> [UInt8]?
}
