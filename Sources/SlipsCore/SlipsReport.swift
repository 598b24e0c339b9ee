import Foundation
import ReportKit

/// Computes the slips payload for a run at `now`: reads the store, writes nothing.
public enum SlipsReport {
    /// The payload, plus warnings about plans that could not be compared.
    ///
    /// Steps: resolve the cutoff; find unlaunched regions; build the services catalog from the
    /// plan index; for each service and region (sorted), find the previous plan and detect a
    /// slip or improvement; list the services missing plans.
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

        var slips: [PlanChange] = []
        var improvements: [PlanChange] = []
        for service in catalog.services {
            for region in catalog.regions {
                guard let current = service.plans[region] else { continue }
                let previous = try await PreviousPlan.find(current: current, cutoff: cutoff.instant, logger: logger) { version in
                    try await store.item(
                        artifact: "SERVICE", instance: PlanRecord.instance(rip: service.ripName, version: version, region: region))
                }
                switch previous {
                case .noHistory:
                    continue
                case .missing(let version):
                    logger.warning("\(current.instance): cannot compare, the previous plan \(PlanRecord.instance(rip: service.ripName, version: version, region: region)) does not exist")
                case .found(let record):
                    guard let change = try PlanChange.detect(
                        service: service, region: region, current: current, previous: record,
                        slipDelta: options.slipDelta, logger: logger)
                    else { continue }
                    if change.isSlip { slips.append(change) } else { improvements.append(change) }
                }
            }
        }
        let unplanned = try UnplannedService.list(in: catalog)
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
