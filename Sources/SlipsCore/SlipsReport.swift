import Foundation
import ReportKit

/// Computes the slips payload for a run at `now`: reads the store, writes nothing.
public enum SlipsReport {
    /// The payload, plus warnings about plans that could not be compared.
    ///
    /// Steps: resolve the cutoff; find unlaunched regions; build the services catalog from the
    /// plan index; for each service and region (sorted), find the previous plan and detect a
    /// slip or improvement; list the services missing plans. The missing plans are listed
    /// while the comparisons run: the payload, the log and the first error are those of one
    /// pass. (The catalog and the comparisons stay one pass each: run in two halves on two
    /// cores they read the same rows, and the rows' shared reference counts cost more CPU
    /// than the second core gave back.)
    ///
    /// - Throws: ``SlipsError`` for bad items or options; whatever the store throws.
    public static func build(
        store: any BuildablesStore, now: Date, options: SlipsOptions, logger: Logger
    ) async throws -> SlipsPayload {
        try options.validate()
        _ = try Cutoff.horizon(now: now, hours: options.horizonHours)
        let stored = try await store.item(artifact: Cutoff.artifact, instance: Cutoff.instance)
        let cutoff = Cutoff.resolve(stored: stored, now: now, horizonHours: options.horizonHours, logger: logger)
        logger.info("reporting on changes since \(Timestamp.minuteUTC(cutoff.instant)) (now \(Timestamp.minuteUTC(now)), horizon \(options.horizonHours)h)")

        let unlaunched = try UnlaunchedRegions.codes(in: try await store.items(artifact: "REGION"), now: now)
        logger.info("unlaunched regions: \(unlaunched.sortedByCodePoints { $0 }.joined(separator: ", "))")

        let catalog = try ServiceCatalog.build(
            plannedItems: try await store.plannedItems(artifact: "SERVICE"), unlaunched: unlaunched, logger: logger)
        logger.info("\(catalog.services.count) services, \(catalog.regions.count) regions: \(catalog.regions.joined(separator: ", "))")

        // The services lacking plans need only the catalog: listed meanwhile, on another thread
        // when there is one. Its error, if any, counts only after the comparisons' (the order
        // of a run on one thread).
        async let unplannedList = UnplannedService.list(in: catalog)
        let (slips, improvements) = try await PlanComparisons.run(
            services: catalog.services[...], regions: catalog.regions, store: store, cutoff: cutoff.instant,
            options: options, logger: logger)
        let unplanned = try await unplannedList
        logger.info("found \(slips.count) slips and \(improvements.count) improvements; \(unplanned.count) services lack plans")
        if logger.isEnabled(.info) {
            let limit = logger.isEnabled(.debug) ? Int.max : 20
            logger.info("SLIPS: \(listing(slips.map { "\($0.ripName):\($0.region) = \($0.days) days" }, limit: limit))")
            logger.info("IMPROVEMENTS: \(listing(improvements.map { "\($0.ripName):\($0.region) = \(abs($0.days)) days" }, limit: limit))")
        }
        return SlipsPayload(
            cutoff: cutoff.instant, now: now, slipDelta: options.slipDelta,
            slips: slips, improvements: improvements, unplanned: unplanned)
    }

    /// At most `limit` entries, then how many more (a log line stays readable on big tables).
    static func listing(_ entries: [String], limit: Int) -> String {
        guard entries.count > limit else { return entries.joined(separator: ", ") }
        return entries.prefix(limit).joined(separator: ", ") + " … and \(entries.count - limit) more (debug logging lists all)"
    }
}
