import Foundation
import ReportKit

/// The comparisons of a run: each service's current plan in each region against the plan
/// that stood before the window, giving the slips and the improvements in catalog order.
enum PlanComparisons {
    /// The changes of `services` (in order; each region in `regions` order).
    ///
    /// - Throws: ``SlipsError`` for a bad plan record; whatever the store throws.
    static func run(
        services: ArraySlice<TrackedService>, regions: [String], store: any BuildablesStore, cutoff: Date,
        options: SlipsOptions, logger: Logger
    ) async throws -> (slips: [PlanChange], improvements: [PlanChange]) {
        var slips: [PlanChange] = []
        var improvements: [PlanChange] = []
        for service in services {
            for region in regions {
                guard let current = service.plans[region] else { continue }
                let previous = try await PreviousPlan.find(current: current, cutoff: cutoff, logger: logger) { version in
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
        return (slips, improvements)
    }

    /// ``run(services:regions:store:cutoff:options:logger:)`` over all of `services` in two
    /// halves at once, giving exactly what one pass gives: the same changes in the same order,
    /// the same log lines in the same order (the second half's are held until the first is
    /// done), and the error one pass would meet first. With debug logging on (a line per plan)
    /// it is one pass, so nothing big is held.
    static func inHalves(
        services: [TrackedService], regions: [String], store: any BuildablesStore, cutoff: Date,
        options: SlipsOptions, logger: Logger
    ) async throws -> (slips: [PlanChange], improvements: [PlanChange]) {
        guard services.count >= 64, !logger.isEnabled(.debug) else {
            return try await run(services: services[...], regions: regions, store: store, cutoff: cutoff, options: options, logger: logger)
        }
        let middle = services.count / 2
        let held = LogBuffer()
        var laterLogger = logger
        laterLogger.handler = held
        let laterLogs = laterLogger
        async let later: Result<(slips: [PlanChange], improvements: [PlanChange]), any Error> = {
            do {
                return .success(try await run(
                    services: services[middle...], regions: regions, store: store, cutoff: cutoff, options: options, logger: laterLogs))
            } catch {
                return .failure(error)
            }
        }()
        // An error here is the first one pass would meet: the later half's work is dropped.
        let earlier = try await run(services: services[..<middle], regions: regions, store: store, cutoff: cutoff, options: options, logger: logger)
        let rest = await later
        held.replay(to: logger.handler)
        let (slips, improvements) = try rest.get()
        return (earlier.slips + slips, earlier.improvements + improvements)
    }
}
