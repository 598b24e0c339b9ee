import Foundation
import ReportKit

/// The daily run: every report of a registry (or the `--only` ones), each isolated, their
/// files stored under `{YYYYMMDD}-reports/{Folder}/`, one Slack message for the run, then
/// the manifest `{YYYYMMDD}-reports/index.json`, the removal of files an earlier run of the
/// day made and this one did not, and the store's `runs.json`, last.
///
/// ```swift
/// let run = QualityRun(catalog: .builtIn, store: store, tables: opener, publisher: slack,
///                      clock: SystemClock(), stopwatch: stopwatch, logger: logger)
/// let outcome = try await run.run(registry, options: RunOptions(day: try CalendarDay("2024-03-15")))
/// outcome.status   // .success, .completedWithFailures (a report failed), .outsideSystem (Slack)
/// ```
///
/// Isolation: a report that throws or runs past ``RunOptions/timeout`` is recorded as
/// failed with its error, and the others go on. What throws out of ``run(_:options:)`` is
/// the store (a read or write that failed after the store's retries; nothing after it is
/// written, so a manifest in the store always describes files that are there), a runs
/// index the store holds that is not one, and ``RunSelectionError``. Slack failing is not
/// thrown: the manifest records it and the status is 3.
public struct QualityRun: Sendable {
    public var catalog: ReportCatalog
    public var store: any ObjectStore
    public var tables: any TableOpener
    /// Where the run's message goes; `nil` sends nothing.
    public var publisher: (any MessagePublisher)?
    public var clock: any WallClock
    public var stopwatch: any Stopwatch
    /// Progress (which report, N of M, seconds) and problems.
    public var logger: Logger
    /// What is made beside every report's files once it ran (its page): none by default.
    public var companions: [any ReportCompanion] = []
    /// The earlier runs' manifests the companions are given; read at the start of a run.
    var companionHistory: [RunManifest] = []

    public init(
        catalog: ReportCatalog, store: any ObjectStore, tables: any TableOpener, publisher: (any MessagePublisher)?,
        clock: any WallClock, stopwatch: any Stopwatch, logger: Logger
    ) {
        self.catalog = catalog
        self.store = store
        self.tables = tables
        self.publisher = publisher
        self.clock = clock
        self.stopwatch = stopwatch
        self.logger = logger
    }

    /// Runs `registry`'s reports as `options` say.
    public func run(_ registry: ReportRegistry, options: RunOptions) async throws -> RunOutcome {
        let entries = try Self.selected(registry, only: options.only)
        let started = clock.now()
        let now = options.now ?? started
        let day = options.day ?? CalendarDay(utc: now)
        let runStart = stopwatch.seconds()

        // Read what the run will update before anything is written: a broken runs index
        // stops the run here, not after the reports.
        let index = try await readIndex()
        let earlier = options.only.isEmpty ? nil : try await readManifest(day)

        let history = StoreRunHistory(store: store)
        let context = ReportContext(day: day, now: now, registry: registry, tables: tables, history: history)
        var job = self
        let wanted = companions.map(\.historyRuns).max() ?? 0
        job.companionHistory = wanted > 0 ? try await history.manifests(before: day, limit: wanted) : []
        let ran: [RanReport]
        do {
            ran = try await job.runAll(entries, context: context, options: options)
        } catch {
            if options.notify, !options.dryrun, let publisher { await tellStoreFailed(publisher, day: day, error: error) }
            throw error
        }

        var delivery: RunManifest.Delivery?
        var requests: [JSONValue] = []
        if options.notify, let publisher {
            (delivery, requests) = await notify(publisher, reports: ran, day: day, options: options)
        }
        var manifest = RunManifest(
            day: day, started: started, seconds: 0, version: options.version,
            reports: Self.merged(registry, ran: ran.map(\.record), earlier: earlier), delivery: delivery)
        manifest.seconds = RunFormat.rounded(stopwatch.seconds() - runStart)
        let status = RunOutcome.status(reports: ran.map(\.record), delivery: delivery)
        if options.dryrun {
            let stale = try await staleKeys(manifest)
            return RunOutcome(manifest: manifest, slackRequests: requests, removed: stale, status: status)
        }
        let removed: [ObjectKey]
        do {
            try await store.put(day.manifestKey, Data(manifest.bytes), contentType: ContentType.json.text)
            removed = try await removeStale(manifest)
            try await store.put(RunsIndex.key, Data(index.recording(RunsIndex.Entry(manifest)).bytes), contentType: ContentType.json.text)
        } catch {
            // The message already went out: a second one says the run did not finish storing.
            if delivery?.status == .sent, let publisher { await tellStoreFailed(publisher, day: day, error: error) }
            throw error
        }
        logger.info("run \(day): \(manifest.reports.count) reports in \(RunFormat.seconds(manifest.seconds)) s, manifest \(day.manifestKey) in \(store.displayName)")
        return RunOutcome(manifest: manifest, slackRequests: requests, removed: removed, status: status)
    }

    /// The entries `only` names, in registry order; all of them when `only` is empty.
    static func selected(_ registry: ReportRegistry, only: [String]) throws(RunSelectionError) -> [ReportEntry] {
        guard !only.isEmpty else { return registry.reports }
        let unknown = only.filter { registry[$0] == nil }
        guard unknown.isEmpty else { throw RunSelectionError(unknown: unknown, known: registry.reports.map(\.name)) }
        return registry.reports.filter { only.contains($0.name) }
    }

    /// The day's reports in registry order: those that ran now, and those an earlier run
    /// of the day recorded (an `--only` run keeps them).
    static func merged(_ registry: ReportRegistry, ran: [ManifestReport], earlier: RunManifest?) -> [ManifestReport] {
        registry.reports.compactMap { entry in
            ran.first { $0.name == entry.name } ?? earlier?.reports.first { $0.name == entry.name }
        }
    }

    func readIndex() async throws -> RunsIndex {
        guard let data = try await store.get(RunsIndex.key) else { return RunsIndex(runs: []) }
        return try RunsIndex(bytes: [UInt8](data))
    }

    func readManifest(_ day: CalendarDay) async throws -> RunManifest? {
        guard let data = try await store.get(day.manifestKey) else { return nil }
        do { return try RunManifest(bytes: [UInt8](data)) } catch { throw error.inObject(day.manifestKey) }
    }
}
